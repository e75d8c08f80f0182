import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import aws4 from 'aws4';
import { AwsV4Signer } from 'aws4fetch';
import { createSigner } from 'aws-sigv4-interceptor';
import {
  CREDENTIALS,
  HOST,
  REGION,
  SERVICE,
  pathOf,
  queryOf,
  type BenchRequest,
} from '../fixtures';
import { createFloor } from '../floor';
import { NodeSha256 } from '../nodeHash';
import { rawRequest, type Contender } from './contender';

/** Bare signers: request in, signing headers out, nothing sent. */

const url = (request: BenchRequest) => `https://${HOST}${request.pathAndQuery}`;

function floor(request: BenchRequest): Contender {
  const { run, headersOf } = createFloor(request);
  let last = '';
  return {
    name: 'floor (node:crypto 2 SHA-256 + 1 HMAC)',
    level: 'signer',
    baseline: true,
    run: () => (last = run()),
    lastSent: async () =>
      rawRequest(
        request.method,
        request.pathAndQuery,
        Object.entries(headersOf(last)),
        request.body,
      ),
  };
}

function ours(request: BenchRequest): Contender {
  const signer = createSigner({ region: REGION, service: SERVICE, credentials: CREDENTIALS });
  const input = {
    method: request.method,
    url: url(request),
    headers: request.headers,
    body: request.body,
  };
  let last: Record<string, string> = {};
  return {
    name: 'ours: createSigner().sign',
    level: 'signer',
    run: () => signer.sign(input).then((headers) => (last = { ...headers })),
    lastSent: async () =>
      rawRequest(
        request.method,
        request.pathAndQuery,
        Object.entries({ ...request.headers, host: HOST, ...last }),
        request.body,
      ),
  };
}

function viaAws4(request: BenchRequest): Contender {
  let last: Record<string, string> = {};
  return {
    name: 'aws4.sign',
    level: 'signer',
    run: () => {
      const options = {
        host: HOST,
        path: request.pathAndQuery,
        method: request.method,
        headers: { ...request.headers },
        body: request.body as string | Buffer | undefined,
        service: SERVICE,
        region: REGION,
      };
      aws4.sign(options, CREDENTIALS);
      last = options.headers as Record<string, string>;
    },
    lastSent: async () =>
      rawRequest(request.method, request.pathAndQuery, Object.entries(last), request.body),
  };
}

function viaSmithy(request: BenchRequest, hash: 'node' | 'js'): Contender {
  const signer = new SignatureV4({
    credentials: CREDENTIALS,
    region: REGION,
    service: SERVICE,
    sha256: hash === 'node' ? NodeSha256 : Sha256,
  });
  const input = {
    method: request.method,
    protocol: 'https:',
    hostname: HOST,
    path: pathOf(request),
    query: queryOf(request),
    headers: { ...request.headers, host: HOST },
    body: request.body,
  };
  let last: Record<string, string> = {};
  return {
    name: `@smithy/signature-v4 (${hash === 'node' ? 'node:crypto hash' : 'sha256-js'})`,
    level: 'signer',
    run: () => signer.sign(input).then((signed) => (last = signed.headers)),
    lastSent: async () =>
      rawRequest(request.method, request.pathAndQuery, Object.entries(last), request.body),
  };
}

function viaAwsV4Signer(request: BenchRequest): Contender {
  const cache = new Map<string, ArrayBuffer>(); // as an AwsClient shares it across requests
  let last: Headers = new Headers();
  return {
    name: 'aws4fetch AwsV4Signer.sign',
    level: 'signer',
    run: () =>
      new AwsV4Signer({
        method: request.method,
        url: url(request),
        headers: request.headers,
        body: request.body as BodyInit | undefined,
        ...CREDENTIALS,
        service: SERVICE,
        region: REGION,
        cache,
      })
        .sign()
        .then((signed) => (last = signed.headers)),
    // aws4fetch signs `host` without adding it to the Headers it returns (fetch sets it).
    lastSent: async () =>
      rawRequest(request.method, request.pathAndQuery, [...last, ['host', HOST]], request.body),
  };
}

/** Every bare signer, the floor first. */
export const signerContenders = (request: BenchRequest): Contender[] => [
  floor(request),
  ours(request),
  viaAws4(request),
  viaSmithy(request, 'node'),
  viaSmithy(request, 'js'),
  viaAwsV4Signer(request),
];
