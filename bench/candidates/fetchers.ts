import { createSignedFetcher } from 'aws-sigv4-fetch';
import { AwsClient } from 'aws4fetch';
import { createSignedFetch } from 'aws-sigv4-interceptor';
import { CREDENTIALS, HOST, REGION, SERVICE, type BenchRequest } from '../fixtures';
import { rawRequest, type Contender } from './contender';

/**
 * Fetch wrappers, called as fetch is, each handing its signed request to a fetch that sends
 * nothing: what is timed is everything a wrapper does before the network.
 */

const OK = new Response(null, { status: 200 });

/** A fetch that keeps what it was given (no work in the timed path) and answers at once. */
function recordingFetch() {
  let last: [RequestInfo | URL, RequestInit | undefined] | undefined;
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    last = [input, init];
    return Promise.resolve(OK);
  }) as typeof globalThis.fetch;
  return { fetch, last: () => new Request(...last!) };
}

async function sentOf(request: Request): Promise<ReturnType<typeof rawRequest>> {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  headers.set('host', url.host);
  const body = request.body ? await request.clone().arrayBuffer() : undefined;
  return rawRequest(request.method, url.pathname + url.search, headers.entries(), body);
}

const initOf = (request: BenchRequest): RequestInit => ({
  method: request.method,
  headers: request.headers,
  body: request.body as BodyInit | undefined,
});

const urlOf = (request: BenchRequest) => `https://${HOST}${request.pathAndQuery}`;

/** The fetch wrappers, an unsigned `new Request` first as the baseline. */
export function fetchContenders(request: BenchRequest): Contender[] {
  const url = urlOf(request);
  const init = initOf(request);
  const ours = recordingFetch();
  const signedFetch = createSignedFetch({
    region: REGION,
    service: SERVICE,
    credentials: CREDENTIALS,
    fetch: ours.fetch,
  });
  const peer = recordingFetch();
  const fetcher = createSignedFetcher({
    region: REGION,
    service: SERVICE,
    credentials: CREDENTIALS,
    fetch: peer.fetch,
  });
  const client = new AwsClient({ ...CREDENTIALS, region: REGION, service: SERVICE });
  let signedByClient: Request | undefined;
  return [
    {
      name: 'unsigned: new Request(url, init)',
      level: 'fetch',
      baseline: true,
      run: () => new Request(url, init),
    },
    {
      name: 'ours: createSignedFetch',
      level: 'fetch',
      run: () => signedFetch(url, init),
      lastSent: () => sentOf(ours.last()),
    },
    {
      name: 'aws-sigv4-fetch createSignedFetcher',
      level: 'fetch',
      run: () => fetcher(url, init),
      lastSent: () => sentOf(peer.last()),
    },
    {
      name: 'aws4fetch AwsClient.sign',
      level: 'fetch',
      run: () => client.sign(url, init).then((signed) => (signedByClient = signed)),
      lastSent: () => sentOf(signedByClient!),
    },
  ];
}
