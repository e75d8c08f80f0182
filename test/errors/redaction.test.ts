/**
 * Secrets never reach an error: a presigned-style URL (X-Amz-Signature, X-Amz-Security-Token) is
 * masked in the message and in `error.url`, and neither the secret key nor a session token is
 * anywhere in the message, stack, String(), JSON, util.inspect or the `cause` chain.
 */
import axios from 'axios';
import {
  attachSigV4,
  createSignedFetch,
  createSigner,
  isSigV4Error,
  SigV4CredentialsError,
  SigV4RequestError,
} from 'aws-sigv4-interceptor';
import { caught, DISTINCT_CREDENTIALS, leaksOf, SECRETS, useRecordingServer } from './support';

const recording = useRecordingServer();

const SIGNATURE = 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024';
const TOKEN = DISTINCT_CREDENTIALS.sessionToken;
/** The token and signature as they appear in a URL, raw or percent-encoded. */
const URL_SECRETS = [...SECRETS, SIGNATURE, encodeURIComponent(TOKEN)];

const presignedQuery = (signatureName = 'X-Amz-Signature', tokenName = 'X-Amz-Security-Token') =>
  `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAERRORTESTKEY0001%2F20240101%2Fus-east-1%2Fexecute-api%2Faws4_request` +
  `&${signatureName}=${SIGNATURE}&${tokenName}=${encodeURIComponent(TOKEN)}&keep=visible`;

function expectMasked(error: unknown): void {
  expect(isSigV4Error(error)).toBe(true);
  const { message, url } = error as { message: string; url?: string };
  expect(message).toMatch(/X-Amz-Signature=\*\*\*/i);
  expect(message).toMatch(/X-Amz-Security-Token=\*\*\*/i);
  expect(message).toContain('keep=visible'); // only secrets are masked
  expect(message).toContain('X-Amz-Credential='); // the access key id is not a secret
  if (url !== undefined) expect(url).toMatch(/X-Amz-Security-Token=\*\*\*/i);
  expect(leaksOf(error, URL_SECRETS)).toEqual([]);
}

describe('a presigned-style URL in an error message is masked', () => {
  test('fetch, UNKNOWN_SIGNING_SCOPE', async () => {
    const signedFetch = createSignedFetch({
      credentials: DISTINCT_CREDENTIALS,
      hosts: ['127.0.0.1'],
    });
    const error = await caught(() =>
      signedFetch(`${recording.server.url}/object?${presignedQuery()}`),
    );
    expect(error).toMatchObject({ code: 'UNKNOWN_SIGNING_SCOPE' });
    expectMasked(error);
  });

  test('fetch, lower-case parameter names', async () => {
    const signedFetch = createSignedFetch({
      credentials: DISTINCT_CREDENTIALS,
      hosts: ['127.0.0.1'],
    });
    const query = presignedQuery('x-amz-signature', 'x-amz-security-token');
    const error = await caught(() => signedFetch(`${recording.server.url}/object?${query}`));
    expectMasked(error);
  });

  test('axios, UNKNOWN_SIGNING_SCOPE, secrets passed as params', async () => {
    const api = axios.create({ baseURL: recording.server.url });
    attachSigV4(api, { credentials: DISTINCT_CREDENTIALS, hosts: ['127.0.0.1'] });
    const error = await caught(() =>
      api.get('/object', {
        params: {
          'X-Amz-Credential': 'AKIAERRORTESTKEY0001/20240101/us-east-1/execute-api/aws4_request',
          'X-Amz-Signature': SIGNATURE,
          'X-Amz-Security-Token': TOKEN,
          keep: 'visible',
        },
      }),
    );
    expect(error).toBeInstanceOf(SigV4RequestError);
    expectMasked(error);
  });

  test('signer, INVALID_URL (a relative presigned URL)', async () => {
    const error = await caught(() =>
      createSigner({ credentials: DISTINCT_CREDENTIALS }).sign({
        method: 'GET',
        url: `/object?${presignedQuery()}`,
      }),
    );
    expect(error).toMatchObject({ code: 'INVALID_URL' });
    expectMasked(error);
  });

  test('fetch, INVALID_URL (not a URL, with a token in it)', async () => {
    const signedFetch = createSignedFetch({ credentials: DISTINCT_CREDENTIALS });
    const error = await caught(() => signedFetch(`not a url?${presignedQuery()}`));
    expect(error).toMatchObject({ code: 'INVALID_URL' });
    expectMasked(error);
  });

  test('axios, INVALID_URL (no baseURL, relative url with a token)', async () => {
    const api = axios.create();
    attachSigV4(api, { credentials: DISTINCT_CREDENTIALS, region: 'us-east-1', service: 's3' });
    const error = await caught(() => api.get(`/object?${presignedQuery()}`));
    expect(error).toMatchObject({ code: 'INVALID_URL' });
    expectMasked(error);
  });

  test('nothing reached the server in any of the cases above', () => {
    expect(recording.added()).toBe(0);
  });
});

describe('credential errors carry no secret', () => {
  const signRequest = { method: 'GET', url: 'https://abc.execute-api.us-east-1.amazonaws.com/p' };

  test('a provider that returns already-expired credentials', async () => {
    const expired = { ...DISTINCT_CREDENTIALS, expiration: new Date(Date.now() - 1000) };
    const signer = createSigner({ credentials: async () => expired });
    const error = await caught(() => signer.sign(signRequest));
    expect(error).toBeInstanceOf(SigV4CredentialsError);
    expect(error).toMatchObject({ code: 'NO_CREDENTIALS' });
    expect(leaksOf(error)).toEqual([]);
  });

  test('a provider that returns credentials without a secret', async () => {
    const signer = createSigner({
      credentials: async () =>
        ({ accessKeyId: 'AKIAERRORTESTKEY0001', sessionToken: TOKEN }) as never,
    });
    const error = await caught(() => signer.sign(signRequest));
    expect(error).toMatchObject({ name: 'SigV4CredentialsError', code: 'NO_CREDENTIALS' });
    expect(leaksOf(error)).toEqual([]);
  });

  test('the scan itself finds a secret that is there (it can fail)', () => {
    const leaky = new Error('outer', { cause: { nested: { deep: `token ${TOKEN}` } } });
    expect(leaksOf(leaky)).toContain(`error.cause.nested.deep contains "${TOKEN}"`);
    const inStack = new Error('x');
    inStack.stack = `Error: x\n    at ${DISTINCT_CREDENTIALS.secretAccessKey}`;
    expect(leaksOf(inStack).length).toBeGreaterThan(0);
  });
});
