import { awsEndpointOf } from './awsEndpoint';
import { REGION_PATTERN } from '../constants';
import { describeType } from '../describeType';
import { SigV4RequestError } from '../errors';

/** A signing service and region. */
export interface SigningScope {
  /** The signing name of the service, e.g. `execute-api`, `lambda`, `s3`. */
  readonly service: string;
  /** The region, e.g. `eu-west-1`; `*` (every region, SigV4A) for S3 Multi-Region Access Points. */
  readonly region: string;
}

interface HostRule {
  /** Matches a lower-case host name; the `region` group captures the region label. */
  readonly pattern: RegExp;
  readonly service: string;
}

const AWS = String.raw`\.amazonaws\.com(?:\.cn)?$`;
const rule = (source: string, service: HostRule['service']): HostRule => ({
  pattern: new RegExp(source),
  service,
});

/**
 * The hosts of resources (an API, a function URL, a bucket) whose service is not their first
 * label, most specific first. The region is the label next to the service label: a naive "second
 * label" parse would yield `execute-api` as the region. Service endpoints
 * (`{prefix}.{region}.amazonaws.com`) come after, from botocore's table (awsEndpoint.ts).
 * See https://docs.aws.amazon.com/general/latest/gr/rande.html
 */
const HOST_RULES: readonly HostRule[] = [
  rule(String.raw`^vpce-[^.]+\.execute-api\.(?<region>[^.]+)\.vpce` + AWS, 'execute-api'),
  rule(String.raw`^[^.]+\.execute-api\.(?<region>[^.]+)` + AWS, 'execute-api'),
  rule(String.raw`^[^.]+\.lambda-url\.(?<region>[^.]+)\.on\.aws$`, 'lambda'),
  rule(String.raw`\.vpc-lattice-svcs\.(?<region>[^.]+)\.on\.aws$`, 'vpc-lattice-svcs'),
  rule(String.raw`^[^.]+\.appsync-api\.(?<region>[^.]+)` + AWS, 'appsync'),
  rule(String.raw`^(?:search|vpc)-[^.]+\.(?<region>[^.]+)\.es` + AWS, 'es'),
  rule(String.raw`^[^.]+\.(?<region>[^.]+)\.aoss` + AWS, 'aoss'),
  rule(String.raw`\.s3-accesspoint\.(?<region>[^.]+)` + AWS, 's3'),
  rule(String.raw`(?:^|\.)s3[.-](?:dualstack\.)?(?<region>[^.]+)` + AWS, 's3'),
];

/** S3 Multi-Region Access Points sign with SigV4A for every region (`*`). */
const MULTI_REGION_ACCESS_POINT = /^[^.]+\.mrap\.accesspoint\.s3-global\.amazonaws\.com$/;

/** The legacy global S3 endpoints sign for us-east-1. */
const GLOBAL_S3 = new RegExp(String.raw`(?:^|\.)s3` + AWS);

/**
 * Infers the signing service and region from an AWS host name, or `undefined` when the host is
 * not one (a custom domain, CloudFront, localhost) or is a service endpoint whose prefix botocore's
 * service models do not list (never a guess from the first label). Service endpoints sign with
 * botocore's signing name (`email` → `ses`, `kms-fips` → `kms`, `iam.amazonaws.com` →
 * `iam`/us-east-1). The region `*` (S3 Multi-Region Access Points) means a SigV4A signature
 * valid in every region.
 */
export function inferSigningScope(hostname: string): SigningScope | undefined {
  if (typeof hostname !== 'string') {
    throw new SigV4RequestError(
      'INVALID_URL',
      `Cannot infer a signing scope from \`hostname\`: it is ${describeType(hostname)}`,
      'pass a host name such as new URL(url).hostname',
    );
  }
  const host = hostname.toLowerCase();
  for (const { pattern, service } of HOST_RULES) {
    const match = pattern.exec(host);
    const region = match?.groups?.region;
    if (match && region && REGION_PATTERN.test(region)) {
      return { service, region };
    }
  }
  if (MULTI_REGION_ACCESS_POINT.test(host)) return { service: 's3', region: '*' };
  if (GLOBAL_S3.test(host)) return { service: 's3', region: 'us-east-1' };
  return awsEndpointOf(host)?.scope;
}
