import { randomBytes } from 'node:crypto';
import { SESSION_KEY_PREFIX } from '../constants';
import type { CredentialServiceOptions, IssuedCredentials } from './credentialServiceTypes';

/** Hands out fresh temporary credentials and registers them with a local IAM endpoint. @internal */
export interface CredentialIssuer {
  readonly issued: IssuedCredentials[];
  /** Fresh credentials for `issuedFor`, held by `arn`, living `lifetimeMs` (or the service's default). */
  issue(issuedFor: string, arn: string, lifetimeMs?: number): IssuedCredentials;
  readonly now: () => Date;
}

/** @default 3600000 (1 hour, the default session of STS and the container endpoints) */
const DEFAULT_LIFETIME_MS = 60 * 60 * 1000;

/** The characters of AWS access key ids after their 4-letter prefix (base32). */
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A fresh `ASIA` key id of 20 characters, as STS issues; 80 random bits make repeats unlikely. */
function accessKeyId(): string {
  const bytes = randomBytes(16);
  return `${SESSION_KEY_PREFIX}${Array.from(bytes, (byte) => KEY_ALPHABET[byte % 32]).join('')}`;
}

/**
 * Builds the issuer of one service; the lifetime is checked once, at start. Each issued set is
 * pushed to `registerWith` with its `expiration` and principal `arn`, so the IAM endpoint accepts
 * it until it lapses and answers `ExpiredTokenException` after, as AWS does.
 * @internal
 */
export function createIssuer(options: CredentialServiceOptions): CredentialIssuer {
  const { lifetimeMs: defaultLifetimeMs = DEFAULT_LIFETIME_MS, registerWith } = options;
  const { now = () => new Date() } = options;
  checkLifetime(defaultLifetimeMs);
  const issued: IssuedCredentials[] = [];
  const issue = (issuedFor: string, arn: string, lifetimeMs = defaultLifetimeMs) => {
    const credentials: IssuedCredentials = {
      accessKeyId: accessKeyId(),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJLocalIssued${randomBytes(96).toString('base64')}`,
      expiration: new Date(now().getTime() + lifetimeMs),
      issuedFor,
      arn,
    };
    issued.push(credentials);
    const { accessKeyId: id, secretAccessKey, sessionToken, expiration } = credentials;
    registerWith?.push({ accessKeyId: id, secretAccessKey, sessionToken, expiration, arn });
    return credentials;
  };
  return { issued, issue, now };
}

function checkLifetime(lifetimeMs: number): void {
  if (typeof lifetimeMs !== 'number' || !Number.isFinite(lifetimeMs) || lifetimeMs <= 0) {
    throw new RangeError(`lifetimeMs must be a finite number > 0, got ${lifetimeMs}`);
  }
}

/** Zero counters for `actions`. @internal */
export function zeroCalls<Action extends string>(
  actions: readonly Action[],
): Record<Action, number> {
  return Object.fromEntries(actions.map((action) => [action, 0])) as Record<Action, number>;
}
