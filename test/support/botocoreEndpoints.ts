import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { botocoreMissing, botocorePython } from './botocoreOracle';

/** A host botocore sends to, with the signing name and region it signs with there. */
export interface BotocoreEndpoint {
  readonly host: string;
  readonly service: string;
  readonly region: string;
}

/** Every endpoint botocore resolves (test/support/botocore_endpoints.py), from one python run. */
export interface BotocoreEndpoints {
  readonly version: string;
  readonly endpoints: readonly BotocoreEndpoint[];
}

/** endpoints.json's regions, and its other endpoint keys (test/support/botocore_regions.py). */
export interface BotocoreRegions {
  readonly version: string;
  readonly regions: readonly string[];
  /** `aws-global`, `fips-us-east-1`, `us-east-1-fips`, `bedrock-runtime-eu-west-1`, ... */
  readonly otherKeys: readonly string[];
}

/**
 * Runs one of test/support's python scripts with botocore's interpreter and parses its JSON
 * output; undefined (one warning) where botocore is missing, unless required.
 */
function runBotocoreScript<T>(script: string): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const options = { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 };
    execFile(botocorePython(), [join(__dirname, script)], options, (error, stdout, stderr) => {
      try {
        if (error) return resolve(botocoreMissing(`${error.message} ${stderr}`.trim()));
        resolve(JSON.parse(stdout) as T);
      } catch (failure) {
        reject(failure);
      }
    });
  });
}

/** Every endpoint botocore resolves, from one python run. */
export async function loadBotocoreEndpoints(): Promise<BotocoreEndpoints | undefined> {
  const parsed = await runBotocoreScript<{ botocore: string; endpoints: string[][] }>(
    'botocore_endpoints.py',
  );
  if (!parsed) return undefined;
  const endpoints = parsed.endpoints.map(([host, service, region]) => ({ host, service, region }));
  return { version: parsed.botocore, endpoints };
}

/** botocore's regions and other endpoint keys. */
export async function loadBotocoreRegions(): Promise<BotocoreRegions | undefined> {
  const parsed = await runBotocoreScript<{ botocore: string } & Omit<BotocoreRegions, 'version'>>(
    'botocore_regions.py',
  );
  return (
    parsed && { version: parsed.botocore, regions: parsed.regions, otherKeys: parsed.otherKeys }
  );
}
