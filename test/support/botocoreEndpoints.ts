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

const SCRIPT = join(__dirname, 'botocore_endpoints.py');

/** Runs the script once; undefined (one warning) where botocore is missing, unless required. */
export function loadBotocoreEndpoints(): Promise<BotocoreEndpoints | undefined> {
  return new Promise((resolve, reject) => {
    const options = { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 };
    execFile(botocorePython(), [SCRIPT], options, (error, stdout, stderr) => {
      try {
        if (error) return resolve(botocoreMissing(`${error.message} ${stderr}`.trim()));
        const parsed = JSON.parse(stdout) as { botocore: string; endpoints: string[][] };
        const endpoints = parsed.endpoints.map(([host, service, region]) => ({
          host,
          service,
          region,
        }));
        resolve({ version: parsed.botocore, endpoints });
      } catch (failure) {
        reject(failure);
      }
    });
  });
}
