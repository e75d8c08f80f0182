/**
 * A Lambda function reading an object through an S3 Multi-Region Access Point: S3 routes the
 * request to the nearest bucket, in whichever region, so the signature must be valid in all of
 * them: SigV4A (`AWS4-ECDSA-P256-SHA256`) with a region set. Needs the optional peer dependency
 * @smithy/signature-v4a. Environment: ACCESS_POINT_URL (e.g.
 * https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com); REGION_SET (comma-separated,
 * default `*`); SIGNING_REGION and SIGNING_SERVICE only when the host does not tell them.
 */
import { createSignedFetch, diagnose, formatDiagnosis } from 'aws-sigv4-interceptor';

const { ACCESS_POINT_URL, REGION_SET, SIGNING_REGION, SIGNING_SERVICE } = process.env;
if (!ACCESS_POINT_URL) {
  throw new Error(
    'Set ACCESS_POINT_URL, e.g. https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com',
  );
}

// Once per execution environment. A Multi-Region Access Point host alone would select SigV4A for
// every region; `regionSet` says so explicitly, or narrows it (e.g. `eu-*,us-east-1`).
const signedFetch = createSignedFetch({
  regionSet: (REGION_SET ?? '*').split(',').map((region) => region.trim()),
  region: SIGNING_REGION,
  service: SIGNING_SERVICE,
});

/** The invocation payload: the object key, e.g. `reports/2024 Q1.csv`. */
export interface ObjectEvent {
  readonly key: string;
}

export const handler = async (event: ObjectEvent): Promise<{ key: string; text: string }> => {
  // S3 signs the path as sent: each segment encoded once, the slashes kept.
  const path = event.key.split('/').map(encodeURIComponent).join('/');
  const response = await signedFetch(`${ACCESS_POINT_URL}/${path}`);
  if (!response.ok) {
    const diagnosis = await diagnose(response);
    if (diagnosis) console.error(formatDiagnosis(diagnosis));
    throw new Error(`GET ${event.key} failed: HTTP ${response.status}`);
  }
  return { key: event.key, text: await response.text() };
};
