import {
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type TestIdentity,
} from 'aws-sigv4-interceptor/testing';
import { expectApiGatewayError, expectStartToFail, request, signAt, useEndpoints } from './support';

/**
 * Revoked and expired session credentials: refused with API Gateway's token 403s although the
 * request is signed correctly with the identity's own secret.
 */

const NOW = new Date('2024-05-01T12:00:00Z');
const MINUTE = 60_000;
const INVALID = 'The security token included in the request is invalid.';
const EXPIRED = 'The security token included in the request is expired';
const OTHER: TestIdentity = {
  accessKeyId: 'ASIALOCALTEST0000002',
  secretAccessKey: 'localTest/SecondSecretAccessKey+NotForAWS2',
  sessionToken: 'IQoJLocalTestSessionTokenNumberTwo//////////wEaFakeTokenForTests+2=',
};

describe('revoked and expired credentials', () => {
  const start = useEndpoints({ now: () => NOW });
  const signedGet = (endpoint: LocalIamEndpoint, identity: TestIdentity = TEST_CREDENTIALS) =>
    signAt(endpoint.port, NOW, { path: '/prod/items' }, identity);

  describe('revoked', () => {
    it('refuses a revoked key id with UnrecognizedClientException and accepts the others', async () => {
      const endpoint = await start({
        credentials: [TEST_CREDENTIALS, OTHER],
        revoked: [TEST_CREDENTIALS.accessKeyId],
      });
      const sent = signedGet(endpoint);
      const reply = await request(endpoint.port, sent);
      expectApiGatewayError(reply, 403, 'UnrecognizedClientException', INVALID, sent);
      expect((await request(endpoint.port, signedGet(endpoint, OTHER))).status).toBe(200);
    });

    it('reads the list on every request: revoking during a test takes effect', async () => {
      const revoked: string[] = [];
      const endpoint = await start({ revoked });
      expect((await request(endpoint.port, signedGet(endpoint))).status).toBe(200);
      revoked.push(TEST_CREDENTIALS.accessKeyId);
      expect((await request(endpoint.port, signedGet(endpoint))).status).toBe(403);
      revoked.length = 0;
      expect((await request(endpoint.port, signedGet(endpoint))).status).toBe(200);
    });

    it('asks a predicate with the identity', async () => {
      const seen: string[] = [];
      const endpoint = await start({
        credentials: [TEST_CREDENTIALS, OTHER],
        revoked: (identity) => {
          seen.push(identity.accessKeyId);
          return identity.accessKeyId === OTHER.accessKeyId;
        },
      });
      const sent = signedGet(endpoint, OTHER);
      const reply = await request(endpoint.port, sent);
      expectApiGatewayError(reply, 403, 'UnrecognizedClientException', INVALID, sent, OTHER);
      expect((await request(endpoint.port, signedGet(endpoint))).status).toBe(200);
      expect(seen).toEqual([OTHER.accessKeyId, TEST_CREDENTIALS.accessKeyId]);
    });

    it('refuses the token before looking at the signature, as AWS does', async () => {
      const endpoint = await start({ revoked: [TEST_CREDENTIALS.accessKeyId] });
      const wrongSecret = {
        ...TEST_CREDENTIALS,
        secretAccessKey: 'another/Secret+0000000000000000000000000',
      };
      const sent = signedGet(endpoint, wrongSecret);
      const reply = await request(endpoint.port, sent);
      expectApiGatewayError(reply, 403, 'UnrecognizedClientException', INVALID, sent, wrongSecret);
    });

    it.each([{ ids: ['ASIALOCALTEST0000001'] }, 'ASIALOCALTEST0000001', [''], [42]])(
      'rejects revoked: %p at start',
      async (revoked) => {
        const message =
          'revoked must be a list of access key ids or a function (identity) => boolean';
        await expectStartToFail({ revoked: revoked as string[] }, new TypeError(message));
      },
    );
  });

  describe('expiration', () => {
    it.each([
      ['a minute ago', -MINUTE],
      ['exactly now', 0],
    ])('expired %s: ExpiredTokenException', async (_case, delta) => {
      const identity = { ...TEST_CREDENTIALS, expiration: new Date(NOW.getTime() + delta) };
      const endpoint = await start({ credentials: [identity] });
      const sent = signedGet(endpoint, identity);
      const reply = await request(endpoint.port, sent);
      expectApiGatewayError(reply, 403, 'ExpiredTokenException', EXPIRED, sent);
    });

    it('accepts credentials that expire a second from now', async () => {
      const identity = { ...TEST_CREDENTIALS, expiration: new Date(NOW.getTime() + 1000) };
      const endpoint = await start({ credentials: [identity] });
      expect((await request(endpoint.port, signedGet(endpoint, identity))).status).toBe(200);
    });

    it('judges expiration on the server clock: 10 minutes ahead, 5-minute credentials have lapsed', async () => {
      const identity = { ...TEST_CREDENTIALS, expiration: new Date(NOW.getTime() + 5 * MINUTE) };
      const endpoint = await start({ credentials: [identity], clockOffsetMs: 10 * MINUTE });
      // Signed at the server's time, so that the skew check passes and only the token fails.
      const serverTime = new Date(NOW.getTime() + 10 * MINUTE);
      const sent = signAt(endpoint.port, serverTime, { path: '/prod/items' }, identity);
      const reply = await request(endpoint.port, sent);
      expectApiGatewayError(reply, 403, 'ExpiredTokenException', EXPIRED, sent);
    });

    it('a wrong token on an expired identity is invalid, not expired', async () => {
      const identity = { ...TEST_CREDENTIALS, expiration: new Date(NOW.getTime() - MINUTE) };
      const endpoint = await start({ credentials: [identity] });
      const wrongToken = { ...TEST_CREDENTIALS, sessionToken: 'IQoJAnotherToken+0=' };
      const sent = signedGet(endpoint, wrongToken);
      const reply = await request(endpoint.port, sent);
      expectApiGatewayError(reply, 403, 'UnrecognizedClientException', INVALID, sent, wrongToken);
    });

    it('rejects an invalid expiration at start, naming the key id and no secret', async () => {
      const identity = { ...TEST_CREDENTIALS, expiration: new Date('not a date') };
      const message = `credentials: the expiration of ${TEST_CREDENTIALS.accessKeyId} must be a valid Date`;
      await expectStartToFail({ credentials: [identity] }, new TypeError(message));
    });
  });
});
