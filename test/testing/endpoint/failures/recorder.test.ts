import http from 'node:http';
import {
  SIGNING_HEADER_NAMES,
  signingHeadersIn,
  startRecordingServer,
  type RecordingServer,
} from 'aws-sigv4-interceptor/testing';

/** The recording server: answers 200 to anything and keeps every request as received. */

function rawRequest(port: number, lines: string[], body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'PUT',
        path: '/a%20b/c?q=1&q=2',
        agent: false,
        setHost: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    for (let i = 0; i + 1 < lines.length; i += 2) req.setHeader(lines[i], lines[i + 1]);
    req.on('error', reject);
    req.end(body);
  });
}

describe('startRecordingServer', () => {
  let recorder: RecordingServer;

  beforeEach(async () => {
    recorder = await startRecordingServer();
  });

  afterEach(async () => {
    await recorder.close();
  });

  it('listens on 127.0.0.1 with the port it reports', () => {
    expect(recorder.url).toBe(`http://127.0.0.1:${recorder.port}`);
    expect(recorder.port).toBeGreaterThan(0);
  });

  it('records method, target, raw headers and body, and answers 200', async () => {
    const sent = [
      'Host',
      'example.test',
      'X-Amz-Date',
      '20240501T120000Z',
      'Authorization',
      'AWS4-HMAC-SHA256 x',
    ];
    const status = await rawRequest(recorder.port, sent, 'payload');
    expect(status).toBe(200);
    expect(recorder.requests).toHaveLength(1);
    const [recorded] = recorder.requests;
    expect(recorded.method).toBe('PUT');
    expect(recorded.url).toBe('/a%20b/c?q=1&q=2');
    expect(recorded.rawHeaders.slice(0, 6)).toEqual(sent);
    expect(recorded.headers.authorization).toBe('AWS4-HMAC-SHA256 x');
    expect(Buffer.from(recorded.body).toString('utf8')).toBe('payload');
    expect(signingHeadersIn(recorded)).toEqual(['authorization', 'x-amz-date']);
  });

  it('answers every method and path, in order', async () => {
    for (const method of ['GET', 'POST', 'DELETE', 'OPTIONS']) {
      const response = await fetch(`${recorder.url}/${method.toLowerCase()}`, { method });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ message: 'recorded' });
    }
    expect(recorder.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /get',
      'POST /post',
      'DELETE /delete',
      'OPTIONS /options',
    ]);
    expect(recorder.requests.map(signingHeadersIn)).toEqual([[], [], [], []]);
  });

  it('names the four headers a signed request must not carry elsewhere', () => {
    expect(SIGNING_HEADER_NAMES).toEqual([
      'authorization',
      'x-amz-security-token',
      'x-amz-date',
      'x-amz-content-sha256',
    ]);
  });

  it('can be closed twice', async () => {
    await recorder.close();
    await expect(recorder.close()).resolves.toBeUndefined();
  });

  it.each([-1, 1.5, 70000])('rejects port %p', async (port) => {
    await expect(startRecordingServer({ port })).rejects.toThrow(
      new RangeError(`port must be an integer from 0 to 65535, got ${port}`),
    );
  });
});
