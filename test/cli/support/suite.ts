/**
 * What every CLI suite sets up for the whole file: dist/cli.js built, a local IAM endpoint for the
 * CLI to call, and temporary AWS files for the child's environment; closed and removed at the end.
 */
import {
  startLocalIamEndpoint,
  type LocalIamEndpoint,
  type LocalIamEndpointOptions,
} from 'aws-sigv4-interceptor/testing';
import { startedBeforeAll } from '../../support/startedServers';
import { ensureCliBuilt } from './build';
import { awsFiles } from './env';

/** A cold build takes minutes (see build.ts); a warm check, milliseconds. */
const BUILD_AND_START_MS = 300_000;

/** `credentialsText`: the temporary shared credentials file's content (see awsFiles). */
export function useBuiltCliAndEndpoint(
  options?: LocalIamEndpointOptions,
  credentialsText?: string,
): { readonly endpoint: LocalIamEndpoint; readonly files: ReturnType<typeof awsFiles> } {
  const files = awsFiles(credentialsText);
  const endpoint = startedBeforeAll(async () => {
    await ensureCliBuilt();
    return startLocalIamEndpoint(options);
  }, BUILD_AND_START_MS);
  afterAll(() => files.remove());
  return { endpoint, files };
}
