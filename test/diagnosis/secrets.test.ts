/**
 * Nothing secret in a diagnosis or its text: canonical strings carry the session token (as a
 * header, or a query parameter of a presigned URL), and some services echo the Authorization
 * header. Each case first checks that the input does hold the secret, so the test means something.
 */
import { analyzeFailure } from '../../src/diagnosis/analyze';
import { formatDiagnosis } from '../../src/diagnosis/format';
import type { SigningRecord } from '../../src/diagnosis/types';
import { canonical, mismatchMessage, recordOf, SESSION_TOKEN, stringToSign } from './support';

const SIGNATURE = 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024';
const HEADERS = [
  ['host', 'abc123.execute-api.eu-west-1.amazonaws.com'],
  ['x-amz-date', '20261122T120000Z'],
  ['x-amz-security-token', SESSION_TOKEN],
] as const;

function expectAbsent(
  secrets: string[],
  answer: { status: number; message: string },
  record?: SigningRecord,
) {
  for (const secret of secrets)
    expect(answer.message + (record?.canonicalRequest ?? '')).toContain(secret);
  const diagnosis = analyzeFailure(answer, record);
  expect(diagnosis).toBeDefined();
  for (const text of [JSON.stringify(diagnosis), formatDiagnosis(diagnosis!)]) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
  return diagnosis!;
}

describe('no secret in a diagnosis', () => {
  test('token header in the server canonical request, another token in an unmasked record', () => {
    const other = 'IQoJb3JpZ2luX2VjEKr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDotherTokenValue==';
    const server = canonical({ headers: HEADERS, path: '/changed' });
    const record = {
      ...recordOf(canonical({ headers: HEADERS })),
      canonicalRequest: canonical({
        headers: [...HEADERS.slice(0, 2), ['x-amz-security-token', other]],
      }),
    };
    const diagnosis = expectAbsent(
      [SESSION_TOKEN, other],
      { status: 403, message: mismatchMessage(server, stringToSign()) },
      record,
    );
    expect(diagnosis.differences).toEqual([
      { part: 'path', signed: '/prod/items', received: '/changed' },
    ]);
  });

  test('token header, no record: the kept server canonical request is masked', () => {
    const message = mismatchMessage(canonical({ headers: HEADERS }), stringToSign());
    const diagnosis = expectAbsent([SESSION_TOKEN], { status: 403, message });
    expect(diagnosis.serverCanonicalRequest).toContain('x-amz-security-token:***');
  });

  test('presigned URL: token and signature query parameters, both sides', () => {
    const query = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Security-Token=${encodeURIComponent(SESSION_TOKEN)}&X-Amz-Signature=${SIGNATURE}`;
    const server = canonical({ query: `${query}&extra=1`, headers: HEADERS.slice(0, 1) });
    const signed = canonical({ query, headers: HEADERS.slice(0, 1) });
    const secrets = [encodeURIComponent(SESSION_TOKEN), SIGNATURE];
    const diagnosis = expectAbsent(
      secrets,
      { status: 403, message: mismatchMessage(server, stringToSign()) },
      recordOf(signed),
    );
    expect(diagnosis.differences).toEqual([
      { part: 'query', name: 'extra', signed: undefined, received: '1' },
    ]);
  });

  test('a canonical request that does not parse is still masked', () => {
    const message = mismatchMessage(
      `GET\n/\nx-amz-security-token:${SESSION_TOKEN}`,
      stringToSign(),
    );
    const diagnosis = expectAbsent([SESSION_TOKEN], { status: 403, message });
    expect(diagnosis.serverCanonicalRequest).toBe('GET\n/\nx-amz-security-token:***');
  });

  test('an echoed Authorization header in a message', () => {
    const message = `The security token included in the request is invalid. Authorization=AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20261122/eu-west-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIGNATURE}`;
    const diagnosis = expectAbsent([SIGNATURE], { status: 403, message });
    expect(diagnosis.message).toBe(
      'The security token included in the request is invalid. Authorization=***',
    );
  });
});
