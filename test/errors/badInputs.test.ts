/**
 * Bad inputs to every public entry point fail with a typed error (or, where fetch itself refuses
 * the call, with exactly fetch's own error) and nothing is sent: a recording server on 127.0.0.1
 * counts requests, and a guard on every socket counts connection attempts, to any host.
 */
import {
  createSignedFetch,
  createSigner,
  isSigV4Error,
  SigV4Error,
  SigV4OptionsError,
} from 'aws-sigv4-interceptor';
import { watchConnections } from '../support/connectionGuard';
import { BAD_INPUTS, type BadInput } from './badInputCases';
import { caught, leaksOf, SIGNING, useRecordingServer } from './support';

const recording = useRecordingServer();

/** Runs a case (sync throw or rejection alike) and counts every connection it attempts. */
async function attempt(run: () => unknown): Promise<{ error: unknown; connections: number }> {
  const watch = watchConnections();
  try {
    return { error: await caught(run), connections: watch.targets.length };
  } finally {
    watch.restore();
  }
}

/** "<what failed>[: <METHOD> <URL>] - <how to fix>", both halves present. */
function expectMessageShape(message: string): void {
  const at = message.lastIndexOf(' - ');
  expect(at).toBeGreaterThan(0);
  expect(message.slice(at + 3).trim()).not.toBe('');
}

test('the table holds at least 60 bad inputs', () => {
  expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(60);
});

describe.each(BAD_INPUTS.map((input) => [input.name, input] as [string, BadInput]))(
  '%s',
  (_name, { run, expected, says }) => {
    test('fails as documented, before anything is sent', async () => {
      const context = { url: recording.server.url };
      const { error, connections } = await attempt(() => run(context));
      expect({ connections, requests: recording.added() }).toEqual({ connections: 0, requests: 0 });
      if ('native' in expected) {
        const native = await caught(() => expected.native(context));
        expect(isSigV4Error(error)).toBe(false);
        expect({ name: (error as Error).name, message: (error as Error).message }).toEqual({
          name: (native as Error).name,
          message: (native as Error).message,
        });
        return;
      }
      expect(error).toBeInstanceOf(expected.type);
      expect(error).toBeInstanceOf(SigV4Error);
      expect(error).toMatchObject({ name: expected.type.name, code: expected.code });
      expectMessageShape((error as Error).message);
      if (says !== undefined) expect((error as Error).message).toMatch(says);
      expect(leaksOf(error)).toEqual([]);
    });
  },
);

describe('no fetch to send with', () => {
  const saved = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = saved;
  });

  test('a typed error naming the `fetch` option, before anything is signed or sent', async () => {
    // No global fetch when it is created: it looks the global up at each call, and finds none.
    globalThis.fetch = undefined as never;
    const signedFetch = createSignedFetch(SIGNING);
    const { error, connections } = await attempt(() => signedFetch(`${recording.server.url}/x`));
    expect({ connections, requests: recording.added() }).toEqual({ connections: 0, requests: 0 });
    expect(error).toBeInstanceOf(SigV4OptionsError);
    expect(error).toMatchObject({ code: 'INVALID_OPTIONS', method: 'GET' });
    expect((error as Error).message).toMatch(/pass the `fetch` option/);
  });
});

describe('what the checks must not refuse', () => {
  test.each([
    ['the `credentialsTimeoutMs` option', { credentialsTimeoutMs: 2000 }],
    [
      'hosts as names with a port, RegExps, predicates',
      { hosts: ['a.example.com:8443', /x/, () => true] },
    ],
    ['options set to undefined', { region: undefined, regoin: undefined }],
  ])('%s', (_name, options) => {
    expect(() => createSignedFetch({ ...SIGNING, ...options } as never)).not.toThrow();
  });

  test('headers as arrays, a DataView body and a lower-case method sign as their plain forms', async () => {
    jest.useFakeTimers({ now: new Date('2026-05-04T10:00:00Z') });
    try {
      const signer = createSigner(SIGNING);
      const url = `${recording.server.url}/x`;
      const bytes = new TextEncoder().encode('{"id":7}');
      const viewed = await signer.sign({
        method: 'patch',
        url,
        headers: { 'x-list': ['a', 'b'], 'x-none': undefined },
        body: new DataView(bytes.buffer) as never,
      });
      const plain = await signer.sign({
        method: 'PATCH',
        url,
        headers: { 'x-list': 'a,b' },
        body: bytes,
      });
      expect(viewed).toEqual(plain);
      expect(plain.authorization).toContain(
        'SignedHeaders=host;x-amz-date;x-amz-security-token;x-list,',
      );
    } finally {
      jest.useRealTimers();
    }
  });
});
