import {
  AMZ_DATE_HEADER,
  AUTHORIZATION_HEADER,
  CONTENT_SHA256_HEADER,
  REGION_SET_HEADER,
  SECURITY_TOKEN_HEADER,
} from '../constants';
import type { EngineRequest, SigningEngine } from './engine';
import { signedHeaderList } from './signingHeaders';
import type { AwsCredentialIdentity } from '../types';

/** What a SigV4A presign needs beside the request. @internal */
export interface V4aPresignSettings {
  readonly signingDate: Date;
  readonly expiresIn: number;
  readonly unsignableHeaders: ReadonlySet<string>;
  readonly service: string;
  readonly regionSet: readonly string[];
  readonly credentials: AwsCredentialIdentity;
}

/** Headers the SigV4A signer adds itself: carried in the query of a presigned URL instead. */
const ADDED_BY_SIGNER = [AMZ_DATE_HEADER, SECURITY_TOKEN_HEADER, REGION_SET_HEADER];

const amzDate = (date: Date) => date.toISOString().replace(/[-:]|\.\d{3}/g, '');

/**
 * A presigned SigV4A URL. @smithy/signature-v4a (3.x) has no `presign`, so its `sign` signs the
 * query form, as SigV4A query auth defines it: the `X-Amz-*` parameters (region set included)
 * go into the query first, so its canonical query holds them all; the headers it adds are kept
 * out of the signature; the signature it writes into Authorization becomes `X-Amz-Signature`.
 * `x-amz-*` headers are hoisted into the query as smithy's SigV4 presign does; the payload hash
 * header stays (unsigned) for the hash it names (UNSIGNED-PAYLOAD for S3).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 * @internal
 */
export async function presignV4a(
  engine: SigningEngine,
  request: EngineRequest,
  settings: V4aPresignSettings,
): Promise<EngineRequest> {
  const { moveHeadersToQuery, getCanonicalHeaders, ALGORITHM_IDENTIFIER_V4A } =
    await import('@smithy/signature-v4');
  const hoisted = moveHeadersToQuery(request as never) as unknown as EngineRequest;
  const payloadHash = request.headers[CONTENT_SHA256_HEADER];
  const headers = {
    ...hoisted.headers,
    ...(payloadHash && { [CONTENT_SHA256_HEADER]: payloadHash }),
  };
  const unsignable = new Set([
    ...settings.unsignableHeaders,
    ...ADDED_BY_SIGNER,
    CONTENT_SHA256_HEADER,
  ]);
  const signedHeaders = Object.keys(getCanonicalHeaders({ headers } as never, unsignable)).sort();
  const longDate = amzDate(settings.signingDate);
  const { accessKeyId, sessionToken } = settings.credentials;
  const query: Record<string, string | string[]> = {
    ...hoisted.query,
    'X-Amz-Algorithm': ALGORITHM_IDENTIFIER_V4A,
    'X-Amz-Credential': `${accessKeyId}/${longDate.slice(0, 8)}/${settings.service}/aws4_request`,
    'X-Amz-Date': longDate,
    'X-Amz-Expires': String(settings.expiresIn),
    'X-Amz-Region-Set': settings.regionSet.join(','),
    'X-Amz-SignedHeaders': signedHeaders.join(';'),
    ...(sessionToken && { 'X-Amz-Security-Token': sessionToken }),
  };
  const signed = await engine.sign(
    { ...hoisted, headers, query },
    { signingDate: settings.signingDate, unsignableHeaders: unsignable },
  );
  const authorization = signed.headers[AUTHORIZATION_HEADER];
  if (signedHeaderList(authorization).join(';') !== signedHeaders.join(';')) {
    throw new Error('SigV4A presign: the signer signed other headers than the URL names');
  }
  const signature = /Signature=([0-9a-f]+)$/.exec(authorization)?.[1] ?? '';
  return { ...signed, headers: {}, query: { ...query, 'X-Amz-Signature': signature } };
}
