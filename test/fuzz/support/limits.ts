import axios from 'axios';
import type { BodyKind } from './bodies';
import type { ClientLimits } from './request';

/**
 * What each client takes, and what it never sends even without this package: the fuzz draws
 * requests within these limits, so a failure is ours, not the client's.
 */

const [major, minor] = axios.VERSION.split('.').map(Number);
/**
 * A web ReadableStream body needs axios 1.7+ (its fetch adapter release taught transformRequest
 * to pass one through); older axios serializes it to `{}` before any adapter sees it.
 */
export const AXIOS_TAKES_WEB_STREAMS = major > 1 || minor >= 7;

/** Every body the axios interceptor reads. */
const AXIOS_BODIES: BodyKind[] = [
  'string',
  'Uint8Array',
  'Buffer',
  'ArrayBuffer',
  'view',
  'URLSearchParams',
  'FormData',
  'legacy form-data',
  'Blob',
  'json',
  'Node Readable',
  ...(AXIOS_TAKES_WEB_STREAMS ? (['ReadableStream'] as const) : []),
];

export const AXIOS_LIMITS: ClientLimits = {
  bodyKinds: AXIOS_BODIES,
  bodyless: ['HEAD'],
  // axios drops these names itself (a prototype-pollution guard; 1.6 only `__proto__`).
  unsent: (name) => name === '__proto__' || name === 'constructor',
};

/** Every body fetch takes (a plain object would be sent as "[object Object]": not a body). */
const FETCH_BODIES: BodyKind[] = [
  'string',
  'Uint8Array',
  'Buffer',
  'ArrayBuffer',
  'view',
  'URLSearchParams',
  'FormData',
  'Blob',
  'Node Readable',
  'ReadableStream',
  'async iterable',
];

export const FETCH_LIMITS: ClientLimits = {
  bodyKinds: FETCH_BODIES,
  bodyless: ['GET', 'HEAD'],
  // undici (Node's and the package) copies headers into a plain object to send them: a header
  // named __proto__ never leaves (see the regression test "a header named __proto__").
  unsent: (name) => name.toLowerCase() === '__proto__',
};
