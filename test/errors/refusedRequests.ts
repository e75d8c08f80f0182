/**
 * What the axios and fetch error suites share about a request refused before it is sent: the
 * checks every such error passes, and request bodies that fail while they are read.
 */
import { Readable } from 'node:stream';
import { isSigV4Error, SigV4RequestError } from 'aws-sigv4-interceptor';
import { expectMessageShape, leaksOf, useRecordingServer, type RecordingServer } from './support';

/** The error code expected, and the method and URL its message must name. */
export interface ExpectedRefusal {
  code: string;
  method: string;
  url: string;
}

/**
 * The file's recording server (see useRecordingServer) and the contract of every refusal checked
 * against it: typed, recognized by the guard, the documented message shape, no secret in any
 * rendering, and nothing reached the server during the test.
 */
export function useRefusalChecks(): {
  readonly recording: { readonly server: RecordingServer; added(): number };
  expectRefused(error: unknown, expected: ExpectedRefusal): void;
} {
  const recording = useRecordingServer();
  const expectRefused = (error: unknown, expected: ExpectedRefusal) => {
    expect(error).toBeInstanceOf(SigV4RequestError);
    expect(isSigV4Error(error)).toBe(true);
    expect(error).toMatchObject({ name: 'SigV4RequestError', code: expected.code });
    expectMessageShape(error, expected.method, expected.url);
    expect(leaksOf(error)).toEqual([]);
    expect(recording.added()).toBe(0);
  };
  return { recording, expectRefused };
}

/** A web stream that fails on its first read with `message`. */
export const failingWebStream = (message: string) =>
  new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.error(new Error(message));
    },
  });

/** A Node stream that emits 'error' with `message` after one chunk. */
export const failingNodeStream = (message: string) =>
  new Readable({
    read() {
      this.push(Buffer.from('first chunk'));
      this.destroy(new Error(message));
    },
  });
