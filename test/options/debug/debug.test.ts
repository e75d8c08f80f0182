/**
 * The `debug` option logs what was signed, each retry and redirect, and the diagnosis of a
 * refusal, through both clients, and never a secret: no secret key, session token or signature
 * in any line or detail.
 */
import { resetClockOffset } from '../../../src/exchange/clock';
import { SigV4OptionsError, createSigner } from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  startRecordingServer,
  TEST_CREDENTIALS,
} from 'aws-sigv4-interceptor/testing';
import { CLIENT_NAMES, CLIENTS } from '../../support/clients';

interface Logged {
  message: string;
  details?: Readonly<Record<string, unknown>>;
}

function capture() {
  const lines: Logged[] = [];
  return {
    lines,
    logger: {
      debug: (message: string, details?: Logged['details']) => lines.push({ message, details }),
    },
  };
}

/** The Signature= values of every request the endpoint received. */
const signaturesOf = (requests: Array<{ raw: { rawHeaders: string[] } }>) =>
  requests.flatMap(({ raw }) =>
    raw.rawHeaders.flatMap((value) => /Signature=([0-9a-f]{64})/.exec(value)?.[1] ?? []),
  );

afterEach(() => resetClockOffset());

describe.each(CLIENT_NAMES)('%s', (client) => {
  test('signed, retried, redirected and refused requests are logged without a secret', async () => {
    const recorder = await startRecordingServer();
    const endpoint = await startLocalIamEndpoint({
      clockOffsetMs: 60 * 60 * 1000,
      authorize: ['GET /prod/open', 'GET /prod/away'],
      redirects: { '/prod/away': `${recorder.url}/x` },
    });
    try {
      const { lines, logger } = capture();
      const call = CLIENTS[client]({
        region: 'us-east-1',
        service: 'execute-api',
        credentials: TEST_CREDENTIALS,
        hosts: [`127.0.0.1:${endpoint.port}`],
        debug: logger,
      });
      expect((await call(`${endpoint.url}/prod/open?q=1`)).status).toBe(200);
      expect((await call(`${endpoint.url}/prod/away`)).status).toBe(200);
      expect((await call(`${endpoint.url}/prod/closed`)).status).toBe(403);

      const messages = lines.map((l) => l.message.replace('aws-sigv4-interceptor: ', ''));
      const credentialLines = lines.filter((l) =>
        messages[lines.indexOf(l)].startsWith('credentials: '),
      );
      expect(credentialLines.map((l) => l.message)).toEqual([
        'aws-sigv4-interceptor: credentials: resolving',
        'aws-sigv4-interceptor: credentials: resolved',
        ...Array(3).fill('aws-sigv4-interceptor: credentials: hit'),
      ]);
      expect(credentialLines[0].details).toEqual({
        source: 'the `credentials` option',
        reason: 'none cached',
      });
      const requestLines = lines.filter((l) => !credentialLines.includes(l));
      expect(requestLines.map((l) => l.message.replace('aws-sigv4-interceptor: ', ''))).toEqual([
        'signed',
        'clock skew: signing again at the corrected time',
        'signed',
        'signed',
        'redirect',
        'signed',
        'refused',
      ]);
      const signed = requestLines[0].details!;
      expect(signed).toMatchObject({ method: 'GET', region: 'us-east-1', service: 'execute-api' });
      expect(signed.canonicalRequest).toMatch(/^GET\n\/prod\/open\nq=1\n/);
      expect(signed.canonicalRequest).toContain('x-amz-security-token:***');
      expect(signed.stringToSign).toMatch(/^AWS4-HMAC-SHA256\n/);
      expect(signed.signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date']));
      expect(requestLines[6].details!.diagnosis).toMatch(/not authorized|execute-api:Invoke/);

      const everything = JSON.stringify(lines);
      const secrets = [
        TEST_CREDENTIALS.secretAccessKey,
        TEST_CREDENTIALS.sessionToken,
        ...signaturesOf(endpoint.requests),
      ];
      expect(secrets.length).toBeGreaterThan(3);
      for (const secret of secrets) expect(everything).not.toContain(secret);
    } finally {
      await Promise.all([endpoint.close(), recorder.close()]);
    }
  });
});

test('debug: true writes to console.debug; a bad value is refused up front', async () => {
  const spy = jest.spyOn(console, 'debug').mockImplementation(() => undefined);
  try {
    const signer = createSigner({
      region: 'us-east-1',
      service: 'execute-api',
      credentials: TEST_CREDENTIALS,
      debug: true,
    });
    await signer.sign({ method: 'GET', url: 'https://example.com/a' });
    expect(spy).toHaveBeenCalledWith('aws-sigv4-interceptor: signed', expect.any(Object));
    expect(JSON.stringify(spy.mock.calls)).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  } finally {
    spy.mockRestore();
  }
  expect(() => createSigner({ debug: 'yes' as never })).toThrow(SigV4OptionsError);
});
