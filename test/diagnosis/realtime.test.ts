/**
 * diagnose on what AppSync's real-time protocols and HTTP APIs answer: messages as received (JSON
 * text) or parsed, errors at the top (Events) or in `payload` (GraphQL), the status from
 * `errorCode` or from the errorType; anything that is not a refusal gives undefined.
 */
import { diagnose } from 'aws-sigv4-interceptor';

const EXPIRED =
  'Signature expired: 20240501T120000Z is now earlier than 20240501T120500Z (20240501T121000Z - 5 min.)';

describe('diagnose: AppSync real-time messages', () => {
  test.each([
    ['keep-alive text', '{"type":"ka"}'],
    ['not JSON', 'hello'],
    ['an ack', { type: 'connection_ack', connectionTimeoutMs: 300000 }],
    ['data', { type: 'data', id: '1', payload: { data: { errors: 'field named errors' } } }],
  ])('%s gives undefined', async (_, message) => {
    expect(await diagnose(message)).toBeUndefined();
  });

  test.each([
    [
      'GraphQL connection_error text, errorCode 400',
      JSON.stringify({
        type: 'connection_error',
        payload: {
          errors: [{ errorType: 'BadRequestException', message: EXPIRED, errorCode: 400 }],
        },
      }),
      { kind: 'clock-skew', status: 400, skewMinutes: -10 },
    ],
    [
      'Events publish_error without errorCode',
      {
        type: 'publish_error',
        id: 'p',
        errors: [{ errorType: 'BadRequestException', message: EXPIRED }],
      },
      { kind: 'clock-skew', status: 400 },
    ],
    [
      'UnauthorizedException without errorCode',
      {
        type: 'error',
        id: 's',
        payload: {
          errors: [
            {
              errorType: 'UnauthorizedException',
              message: 'You are not authorized to make this call.',
            },
          ],
        },
      },
      { kind: 'invalid-token', status: 401 },
    ],
  ])('%s', async (_, message, expected) => {
    expect(await diagnose(message)).toMatchObject(expected);
  });
});

test("an HTTP answer in AppSync's {errors} shape is read like API Gateway's {message}", async () => {
  const answer = {
    status: 403,
    headers: { 'x-amzn-errortype': 'InvalidSignatureException' },
    data: { errors: [{ errorType: 'InvalidSignatureException', message: EXPIRED }] },
  };
  expect(await diagnose(answer)).toMatchObject({ kind: 'clock-skew', status: 403 });
});
