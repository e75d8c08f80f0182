/** Which headers go into a signature, and which come out of it. */
import {
  AUTHORIZATION_HEADER,
  AMZ_DATE_HEADER,
  CONTENT_SHA256_HEADER,
  HOST_HEADER,
  REGION_SET_HEADER,
  SECURITY_TOKEN_HEADER,
  SIGNING_HEADERS,
} from '../constants';
import type { ServiceSigningRules } from './services';
import type { SignableRequest, SigningHeaders } from '../types';

const STALE = new Set<string>(SIGNING_HEADERS);

/**
 * A field value as the server reads it: without the spaces and tabs around it (RFC 9110 §5.5).
 * Each value of a repeated field is trimmed before they are joined with `,`, as SigV4 does; the
 * signer only trims the joined text, which would keep `a ,b` where the server signs `a,b`.
 */
const isOws = (code: number) => code === 0x20 || code === 0x09;
const trimOws = (value: string): string =>
  isOws(value.charCodeAt(0)) || isOws(value.charCodeAt(value.length - 1))
    ? value.replace(/^[ \t]+|[ \t]+$/g, '')
    : value; // the usual value: nothing to trim, no regex run

/**
 * The headers to sign, lower-cased: stale signing headers of an earlier attempt dropped, `host`
 * added (the signer does not add it; a caller's own Host, as for a VPC endpoint, wins).
 */
export function headersToSign(
  headers: SignableRequest['headers'],
  url: URL,
  rules: ServiceSigningRules,
): Record<string, string> {
  const signable: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    const keep = !STALE.has(lower) || (lower === CONTENT_SHA256_HEADER && rules.sendsPayloadHash);
    if (value === undefined || !keep) continue;
    const text = typeof value === 'string' ? trimOws(value) : value.map(trimOws).join(',');
    signable[lower] = lower in signable ? `${signable[lower]},${text}` : text;
  }
  signable[HOST_HEADER] ??= url.host;
  if (rules.payloadHash) signable[CONTENT_SHA256_HEADER] = rules.payloadHash;
  return signable;
}

/** The headers to add to the request, from everything the signer set. @internal */
export function signingHeadersOf(
  signed: Record<string, string>,
  rules: ServiceSigningRules,
): SigningHeaders {
  return {
    [AUTHORIZATION_HEADER]: signed[AUTHORIZATION_HEADER],
    [AMZ_DATE_HEADER]: signed[AMZ_DATE_HEADER],
    ...(signed[SECURITY_TOKEN_HEADER] && {
      [SECURITY_TOKEN_HEADER]: signed[SECURITY_TOKEN_HEADER],
    }),
    ...(rules.sendsPayloadHash && { [CONTENT_SHA256_HEADER]: signed[CONTENT_SHA256_HEADER] }),
    ...(signed[REGION_SET_HEADER] && { [REGION_SET_HEADER]: signed[REGION_SET_HEADER] }),
  };
}

/** The `SignedHeaders=` list of an Authorization value. */
export const signedHeaderList = (authorization: string): string[] =>
  /SignedHeaders=([^,\s]+)/.exec(authorization)?.[1].split(';') ?? [];
