/**
 * Explains an `InvalidSignatureException` "The request signature we calculated does not match":
 * parses the server's canonical request out of the message and diffs it with the one we signed.
 */
import { formatCanonicalRequest, parseCanonicalRequest } from '../canonicalParts';
import { maskSecrets } from '../cleanMessage';
import { diffCanonical, diffStringToSign } from '../diffCanonical';
import { mismatchCause } from './mismatchCause';
import { serverComputation } from '../serverComputation';
import type { Explanation, SigningRecord } from '../types';

/** Without both canonical requests, only the two possible families of cause can be named. */
const UNCOMPARED: Explanation = {
  cause:
    'The server computed another signature: the request was changed after signing, or the secret access key does not belong to the access key id.',
  fix: "Check that the secret key matches the access key id, then compare the request as signed with the request as received (host, path, query, signed headers, body); the server's canonical request, when it sends one, shows what it received.",
};

/** The cause, fix and (when both canonical requests are known) differences of a mismatch. @internal */
export function explainSignatureMismatch(message: string, record?: SigningRecord): Explanation {
  const server = serverComputation(message);
  const received = server && parseCanonicalRequest(server.canonicalRequest);
  const signed = record && parseCanonicalRequest(record.canonicalRequest);
  const serverCanonicalRequest =
    received === undefined
      ? server && maskSecrets(server.canonicalRequest)
      : formatCanonicalRequest(received);
  if (!server || !received || !record || !signed) return { ...UNCOMPARED, serverCanonicalRequest };
  const differences = [
    ...diffCanonical(signed, received),
    ...(server.stringToSign === undefined
      ? []
      : diffStringToSign(record.stringToSign, server.stringToSign)),
  ];
  return { ...mismatchCause(differences), differences, serverCanonicalRequest };
}
