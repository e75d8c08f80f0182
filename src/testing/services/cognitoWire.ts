import { ERROR_TYPE_HEADER } from '../constants';
import type { LocalResponse } from '../server/serve';
import type { RawRequest } from '../types';

/** The JSON 1.1 protocol of Cognito identity: bodies, errors, the input read. */

/** The content type of every JSON 1.1 request and answer. @internal */
const JSON_1_1 = 'application/x-amz-json-1.1';

/** A 200 with a JSON 1.1 body. @internal */
export const answer = (payload: object): LocalResponse => ({
  status: 200,
  headers: { 'content-type': JSON_1_1 },
  body: JSON.stringify(payload),
});

/** Cognito's JSON 1.1 error: always 400, the type in the body and in `x-amzn-ErrorType`. @internal */
export const failure = (type: string, message: string): LocalResponse => ({
  status: 400,
  headers: { 'content-type': JSON_1_1, [ERROR_TYPE_HEADER]: `${type}:` },
  body: JSON.stringify({ __type: type, message }),
});

/** Cognito's refusal of a login or of unauthenticated access. @internal */
export const notAuthorized = (message: string) => failure('NotAuthorizedException', message);

/** The fields of GetId and GetCredentialsForIdentity read here. @internal */
export interface Input {
  IdentityPoolId?: unknown;
  IdentityId?: unknown;
  Logins?: Record<string, string>;
}

/** The JSON object of the body, with `Logins` an object when present; undefined otherwise. @internal */
export function parseInput(raw: RawRequest): Input | undefined {
  try {
    const input: unknown = JSON.parse(Buffer.from(raw.body).toString('utf8'));
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
    const { Logins } = input as Input;
    if (Logins !== undefined && (typeof Logins !== 'object' || Logins === null)) return undefined;
    return input as Input;
  } catch {
    return undefined;
  }
}
