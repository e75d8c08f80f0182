import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * botocore (the AWS SDK for Python) as an independent SigV4 oracle: one long-running
 * `python3 test/support/botocore_sign.py` serves every case over JSON lines. Where python3 or
 * botocore is missing, `startBotocoreOracle()` resolves to undefined after one visible warning,
 * and the tests run their other checks (REQUIRE_BOTOCORE=1, as CI sets, makes it a failure).
 * `BOTOCORE_PYTHON` names another interpreter.
 */
export interface BotocoreRequest {
  method: string;
  url: string;
  /** Exactly the headers to sign, repeated fields as repeated pairs. */
  headers: Array<[string, string]>;
  body: Uint8Array;
  amzDate: string;
  region: string;
  service: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Sign with botocore's S3 signer (S3SigV4Auth): the path as sent, not normalized. */
  s3?: boolean;
}

export interface BotocoreSignature {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  signedHeaders: string;
}

/** A request to presign: no headers but `host` (taken from the URL), no body. */
export interface BotocorePresignRequest extends Omit<BotocoreRequest, 'headers' | 'body'> {
  /** X-Amz-Expires, in seconds. */
  expires: number;
}

export interface BotocorePresigned extends BotocoreSignature {
  /** The URL with the X-Amz-* parameters, X-Amz-Signature last. */
  url: string;
}

export interface BotocoreOracle {
  readonly version: string;
  sign(request: BotocoreRequest): Promise<BotocoreSignature>;
  /** Presigns as botocore's SigV4QueryAuth does. */
  presign(request: BotocorePresignRequest): Promise<BotocorePresigned>;
  close(): Promise<void>;
}

const SCRIPT = join(__dirname, 'botocore_sign.py');
const STARTUP_MS = 15_000;
let warned = false;

/** The interpreter that runs botocore: `BOTOCORE_PYTHON`, else `python3`. */
export const botocorePython = (): string => process.env.BOTOCORE_PYTHON ?? 'python3';

/**
 * botocore cannot run here: undefined after one warning, or, where CI sets REQUIRE_BOTOCORE=1,
 * an error.
 */
export function botocoreMissing(reason: string): undefined {
  if (process.env.REQUIRE_BOTOCORE) {
    throw new Error(`botocore oracle required but unavailable: ${reason}`);
  }
  if (!warned) {
    warned = true;
    console.warn(`botocore oracle SKIPPED (${reason}); install python3-botocore to run it`);
  }
  return undefined;
}

type Pending = { resolve: (s: BotocorePresigned) => void; reject: (e: Error) => void };

/** Starts the oracle, or resolves to undefined (with one warning) when it cannot run here. */
export function startBotocoreOracle(): Promise<BotocoreOracle | undefined> {
  const python = botocorePython();
  return new Promise((resolve, reject) => {
    const unavailable = (reason: string) => {
      try {
        resolve(botocoreMissing(reason));
      } catch (error) {
        reject(error);
      }
    };
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(python, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
      child.stderr.pipe(process.stderr); // a Python traceback belongs in the test output
    } catch (error) {
      unavailable(`${python}: ${(error as Error).message}`);
      return;
    }
    const pending = new Map<number, Pending>();
    let ready = false;
    let nextId = 1;
    const startup = setTimeout(() => {
      if (ready) return;
      ready = true;
      child.kill();
      unavailable(`${python} did not start within ${STARTUP_MS} ms`);
    }, STARTUP_MS);
    const failAll = (error: Error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    child.on('error', (error) => {
      clearTimeout(startup);
      ready = true;
      failAll(error);
      unavailable(`${python}: ${error.message}`);
    });
    child.on('exit', (code) => {
      failAll(new Error(`botocore oracle exited with ${code}`));
      if (ready) return;
      ready = true;
      clearTimeout(startup);
      unavailable(`${python} ${SCRIPT} exited with ${code}`);
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line);
      if (!ready) {
        ready = true;
        clearTimeout(startup);
        if (!message.ready) {
          child.kill();
          unavailable(`botocore not importable: ${message.error}`);
          return;
        }
        resolve(oracle(child, message.botocore, pending, () => nextId++));
        return;
      }
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(`botocore: ${message.error}`));
      else waiting?.resolve(message as BotocorePresigned);
    });
  });
}

function oracle(
  child: ChildProcessWithoutNullStreams,
  version: string,
  pending: Map<number, Pending>,
  newId: () => number,
): BotocoreOracle {
  const ask = (request: object): Promise<BotocorePresigned> => {
    const id = newId();
    const line = JSON.stringify({ ...request, id });
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      child.stdin.write(`${line}\n`);
    });
  };
  return {
    version,
    sign: (request) => ask({ ...request, body: Buffer.from(request.body).toString('base64') }),
    presign: (request) => ask(request),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
