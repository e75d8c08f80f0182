/**
 * The public types shared by the local credential services (container endpoint, STS, Cognito
 * identity, SSO portal). Imports only the identity type, so every service file can depend on it.
 */
import type { TestIdentity } from '../types';

/** Temporary credentials one of the local credential services handed out. */
export interface IssuedCredentials {
  /** A fresh random `ASIA` access key id of 20 characters, as STS issues. */
  accessKeyId: string;
  /** A fresh random secret access key (40 base64 characters). */
  secretAccessKey: string;
  /** A fresh random session token, starting with `IQoJLocalIssued`. */
  sessionToken: string;
  /** When they lapse, as the service told the client. */
  expiration: Date;
  /** What they were issued for: the role ARN (container, STS, SSO) or the Cognito identity id. */
  issuedFor: string;
  /** The principal that holds them, e.g. `arn:aws:sts::123456789012:assumed-role/NAME/SESSION`. */
  arn: string;
}

/** Options every local credential service accepts. Every field is optional. */
export interface CredentialServiceOptions {
  /** Port to listen on; 0 lets the system choose a free one. @default 0 */
  port?: number;
  /**
   * How long each issued set of credentials lives, in milliseconds. Short values let a test watch
   * a client refresh them.
   * @default 3600000 (1 hour)
   * @example { lifetimeMs: 2000 } // expire 2 seconds after each call
   */
  lifetimeMs?: number;
  /**
   * The identity list of a local IAM endpoint (the very array passed as `credentials` to
   * `startLocalIamEndpoint`): every issued set is pushed into it with its `expiration` and `arn`,
   * so requests signed with it verify there until it lapses (then `ExpiredTokenException`). The
   * endpoint reads that array on every request.
   * @example
   * const accepted: TestIdentity[] = [];
   * const api = await startLocalIamEndpoint({ credentials: accepted });
   * const sts = await startLocalStsEndpoint({ registerWith: accepted });
   */
  registerWith?: TestIdentity[];
  /** The service clock, for expirations and the `Date` header. @default () => new Date() */
  now?: () => Date;
}

/** A running local credential service. */
export interface LocalCredentialService<Action extends string> {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  /** The port it listens on (the one the system chose when `port` was 0). */
  port: number;
  /** Requests received per action, refused ones included. */
  calls: Readonly<Record<Action, number>>;
  /** Every set of credentials issued, oldest first. */
  issued: readonly IssuedCredentials[];
  /** Stops listening and drops open keep-alive connections. */
  close(): Promise<void>;
}
