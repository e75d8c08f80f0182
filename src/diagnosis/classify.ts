/**
 * What kind of failure an AWS answer is, from its status, `x-amzn-ErrorType` and message alone
 * (DOMAIN.md §3). The recovery (one retry) and `diagnose` both start here.
 */

/** The failures this package tells apart. */
export type FailureKind =
  /** No signature arrived, or (REST APIs say the same) no such route or method. */
  | 'unsigned-or-no-route'
  /** The server computed another canonical request than the one signed. */
  | 'signature-mismatch'
  /** `X-Amz-Date` too far from the server's clock: "Signature expired" / "not yet current". */
  | 'clock-skew'
  /** Unknown access key, or a missing or revoked session token. */
  | 'invalid-token'
  /** Temporary credentials past their expiration. */
  | 'expired-token'
  /** The credential scope names another region or service than the endpoint's. */
  | 'wrong-scope'
  /** Signature valid; an IAM or resource policy does not allow the call. */
  | 'access-denied'
  /** A 500 after a valid signature: often an integration lacking `lambda:InvokeFunction`. */
  | 'integration-error';

/** The parts of a response that classify it. */
export interface ResponseSummary {
  readonly status: number;
  /** `x-amzn-ErrorType`, e.g. `UnrecognizedClientException:http://internal.amazon.com/...` */
  readonly errorType?: string | null;
  /** The `message` (or `Message`) of the JSON body, or the text body. */
  readonly message?: string;
}

/** AWS's skew refusal: "Signature expired: ..." or "Signature not yet current: ...". @internal */
export const CLOCK_SKEW_MESSAGE = /^Signature (?:expired|not yet current)/;

const RULES: ReadonlyArray<readonly [FailureKind, RegExp]> = [
  ['clock-skew', CLOCK_SKEW_MESSAGE],
  ['signature-mismatch', /^The request signature we calculated does not match/],
  ['expired-token', /security token included in the request is expired/i],
  ['invalid-token', /security token included in the request is invalid/i],
  ['wrong-scope', /^Credential should be scoped to (a valid region|correct service)/],
  ['access-denied', /is not authorized to perform/],
  ['unsigned-or-no-route', /^Missing Authentication Token/],
];

const ERROR_TYPES: Readonly<Record<string, FailureKind>> = {
  MissingAuthenticationTokenException: 'unsigned-or-no-route',
  UnrecognizedClientException: 'invalid-token',
  ExpiredTokenException: 'expired-token',
  AccessDeniedException: 'access-denied',
};

/**
 * `UnrecognizedClientException:http://internal...` gives `UnrecognizedClientException`.
 * @internal
 */
export const bareErrorType = (errorType: string | null | undefined) =>
  errorType?.split(':')[0].trim();

/** Classifies an answer; undefined for a success or a failure that is not about signing. */
export function classifyFailure({
  status,
  errorType,
  message = '',
}: ResponseSummary): FailureKind | undefined {
  if (status === 500 && /internal server error/i.test(message)) return 'integration-error';
  if (status !== 401 && status !== 403) return undefined;
  const byMessage = RULES.find(([, pattern]) => pattern.test(message.trim()));
  if (byMessage) return byMessage[0];
  return ERROR_TYPES[bareErrorType(errorType) ?? ''];
}

const decodeText = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The error message of a body as a client holds it: parsed JSON, text, or bytes. @internal */
export function messageOf(body: unknown): string | undefined {
  let value: unknown = body;
  if (value instanceof ArrayBuffer) value = decodeText(new Uint8Array(value));
  else if (ArrayBuffer.isView(value)) {
    const { buffer, byteOffset, byteLength } = value;
    value = decodeText(new Uint8Array(buffer, byteOffset, byteLength));
  }
  if (typeof value === 'string') {
    const text = value;
    try {
      value = JSON.parse(text);
    } catch {
      return text.slice(0, 4096);
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { message, Message, errors } = value as {
    message?: unknown;
    Message?: unknown;
    errors?: Array<{ message?: unknown }>;
  };
  // AppSync (GraphQL and Events over HTTP) answers `{"errors": [{"errorType", "message"}]}`.
  const text = message ?? Message ?? (Array.isArray(errors) ? errors[0]?.message : undefined);
  return typeof text === 'string' ? text : undefined;
}
