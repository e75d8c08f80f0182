import { UNSIGNED_PAYLOAD } from '../constants';

/** How a service wants its requests signed, where it differs from API Gateway's rules. */
export interface ServiceSigningRules {
  /** Normalize and encode the path a second time (every service but S3). */
  readonly uriEscapePath: boolean;
  /** Send the payload hash as `x-amz-content-sha256`. */
  readonly sendsPayloadHash: boolean;
  /** A fixed payload hash instead of the body's SHA-256. */
  readonly payloadHash?: string;
}

const DEFAULT_RULES: ServiceSigningRules = { uriEscapePath: true, sendsPayloadHash: false };

/**
 * Services that differ from the default. S3 signs the path as sent and requires the hash header;
 * OpenSearch Serverless requires the header; VPC Lattice requires UNSIGNED-PAYLOAD.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 */
const SERVICE_RULES: Readonly<Record<string, ServiceSigningRules>> = {
  s3: { uriEscapePath: false, sendsPayloadHash: true },
  aoss: { uriEscapePath: true, sendsPayloadHash: true },
  'vpc-lattice-svcs': {
    uriEscapePath: true,
    sendsPayloadHash: true,
    payloadHash: UNSIGNED_PAYLOAD,
  },
};

/** The signing rules of `service`. @internal */
export function signingRulesFor(service: string): ServiceSigningRules {
  return Object.hasOwn(SERVICE_RULES, service) ? SERVICE_RULES[service] : DEFAULT_RULES;
}
