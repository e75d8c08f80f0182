/**
 * Host → service/region inference, one row per host shape of DOMAIN.md §4, then the hosts that
 * must NOT be inferred (a wrong guess would sign for the wrong scope, or sign a third party's host).
 */
import { inferSigningScope } from 'aws-sigv4-interceptor';

interface InferCase {
  name: string;
  host: string;
  service: string;
  region: string;
}

const INFERRED: InferCase[] = [
  // API Gateway (REST, HTTP, WebSocket)
  {
    name: 'execute-api',
    host: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
    service: 'execute-api',
    region: 'eu-west-1',
  },
  {
    name: 'execute-api in China (.amazonaws.com.cn)',
    host: 'a1b2c3d4e5.execute-api.cn-north-1.amazonaws.com.cn',
    service: 'execute-api',
    region: 'cn-north-1',
  },
  {
    name: 'execute-api private API, {api}-{vpce} form',
    host: 'a1b2c3d4e5-vpce-0123456789abcdef0.execute-api.us-east-2.amazonaws.com',
    service: 'execute-api',
    region: 'us-east-2',
  },
  {
    name: 'execute-api through the VPC endpoint DNS name',
    host: 'vpce-0123456789abcdef0-abcd1234.execute-api.ap-southeast-2.vpce.amazonaws.com',
    service: 'execute-api',
    region: 'ap-southeast-2',
  },
  {
    name: 'execute-api in GovCloud',
    host: 'a1b2c3d4e5.execute-api.us-gov-west-1.amazonaws.com',
    service: 'execute-api',
    region: 'us-gov-west-1',
  },
  // Lambda Function URL
  {
    name: 'lambda-url',
    host: 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-west-2.on.aws',
    service: 'lambda',
    region: 'us-west-2',
  },
  // AppSync
  {
    name: 'appsync-api',
    host: 'abcdefghijklmnopqrstuvwxyz.appsync-api.eu-central-1.amazonaws.com',
    service: 'appsync',
    region: 'eu-central-1',
  },
  // OpenSearch
  {
    name: 'es public domain (search-)',
    host: 'search-my-domain-abc123def456.us-east-1.es.amazonaws.com',
    service: 'es',
    region: 'us-east-1',
  },
  {
    name: 'es VPC domain (vpc-)',
    host: 'vpc-my-domain-abc123def456.eu-west-3.es.amazonaws.com',
    service: 'es',
    region: 'eu-west-3',
  },
  {
    name: 'aoss (OpenSearch Serverless)',
    host: 'abc123def456ghi789.us-east-1.aoss.amazonaws.com',
    service: 'aoss',
    region: 'us-east-1',
  },
  // VPC Lattice
  {
    name: 'vpc-lattice-svcs',
    host: 'my-service-0123456789abcdef0.7d67968.vpc-lattice-svcs.us-west-2.on.aws',
    service: 'vpc-lattice-svcs',
    region: 'us-west-2',
  },
  // S3
  {
    name: 's3 virtual-hosted bucket',
    host: 'my-bucket.s3.eu-west-1.amazonaws.com',
    service: 's3',
    region: 'eu-west-1',
  },
  {
    name: 's3 virtual-hosted bucket with dots in its name',
    host: 'my.dotted.bucket.s3.eu-west-1.amazonaws.com',
    service: 's3',
    region: 'eu-west-1',
  },
  {
    name: 's3 path-style s3.{region}',
    host: 's3.ap-northeast-1.amazonaws.com',
    service: 's3',
    region: 'ap-northeast-1',
  },
  {
    name: 's3 legacy dash form s3-{region}',
    host: 's3-eu-west-1.amazonaws.com',
    service: 's3',
    region: 'eu-west-1',
  },
  {
    name: 's3 legacy dash form with a bucket',
    host: 'my-bucket.s3-sa-east-1.amazonaws.com',
    service: 's3',
    region: 'sa-east-1',
  },
  {
    name: 's3 dual-stack',
    host: 'my-bucket.s3.dualstack.us-west-1.amazonaws.com',
    service: 's3',
    region: 'us-west-1',
  },
  {
    name: 's3-accesspoint',
    host: 'my-access-point-123456789012.s3-accesspoint.us-east-1.amazonaws.com',
    service: 's3',
    region: 'us-east-1',
  },
  {
    name: 's3 global endpoint signs for us-east-1',
    host: 's3.amazonaws.com',
    service: 's3',
    region: 'us-east-1',
  },
  {
    name: 's3 global endpoint with a bucket signs for us-east-1',
    host: 'my-bucket.s3.amazonaws.com',
    service: 's3',
    region: 'us-east-1',
  },
  // Generic regional endpoints
  {
    name: 'generic {service}.{region}.amazonaws.com',
    host: 'sts.eu-north-1.amazonaws.com',
    service: 'sts',
    region: 'eu-north-1',
  },
  {
    name: 'generic endpoint in an ISO partition region',
    host: 'dynamodb.us-isob-east-1.amazonaws.com',
    service: 'dynamodb',
    region: 'us-isob-east-1',
  },
  {
    name: 'generic endpoint in China',
    host: 'lambda.cn-northwest-1.amazonaws.com.cn',
    service: 'lambda',
    region: 'cn-northwest-1',
  },
  // Case
  {
    name: 'upper-case host',
    host: 'A1B2C3D4E5.EXECUTE-API.EU-WEST-1.AMAZONAWS.COM',
    service: 'execute-api',
    region: 'eu-west-1',
  },
  {
    name: 'mixed-case lambda-url',
    host: 'AbCdEf.Lambda-Url.Us-East-1.On.Aws',
    service: 'lambda',
    region: 'us-east-1',
  },
];

/**
 * Service endpoints (src/scope/signingNames.ts, from botocore 1.43.11; test/scope/signingNames.test.ts
 * checks the whole table against botocore itself): signing names that are not the first label,
 * FIPS and dual-stack forms, every partition's suffixes, global endpoints.
 */
const SIGNING_NAMES: InferCase[] = [
  ['email.us-east-1.amazonaws.com', 'ses', 'us-east-1'],
  ['pinpoint.eu-west-1.amazonaws.com', 'mobiletargeting', 'eu-west-1'],
  ['kms-fips.us-east-1.amazonaws.com', 'kms', 'us-east-1'],
  ['codebuild-fips.us-west-2.amazonaws.com', 'codebuild', 'us-west-2'],
  ['appstream2.eu-central-1.amazonaws.com', 'appstream', 'eu-central-1'],
  ['cloudhsmv2.us-east-2.amazonaws.com', 'cloudhsm', 'us-east-2'],
  ['iot.ap-south-1.amazonaws.com', 'iot', 'ap-south-1'],
  ['oidc.us-east-1.amazonaws.com', 'sso-oauth', 'us-east-1'],
  ['bedrock-runtime.us-east-1.amazonaws.com', 'bedrock', 'us-east-1'],
  ['bedrock-runtime-fips.us-west-2.amazonaws.com', 'bedrock', 'us-west-2'],
  ['bedrock-agent-runtime.eu-central-1.amazonaws.com', 'bedrock', 'eu-central-1'],
  ['bedrock-agentcore.us-east-1.amazonaws.com', 'bedrock-agentcore', 'us-east-1'],
  // SimpleDB v2 signs with SigV4 (SimpleDB v1, SigV2 only, had no row).
  ['sdb.eu-west-1.amazonaws.com', 'sdb', 'eu-west-1'],
  ['mturk-requester-sandbox.us-east-1.amazonaws.com', 'mturk-requester', 'us-east-1'],
  ['personalize-runtime.us-east-1.amazonaws.com', 'personalize', 'us-east-1'],
  ['runtime.sagemaker.eu-west-1.amazonaws.com', 'sagemaker', 'eu-west-1'],
  ['runtime-fips.sagemaker.us-east-1.amazonaws.com', 'sagemaker', 'us-east-1'],
  ['streams.dynamodb.us-east-1.amazonaws.com', 'dynamodb', 'us-east-1'],
  ['data.iot.eu-west-1.amazonaws.com', 'iotdata', 'eu-west-1'],
  ['data-ats.iot.eu-west-1.amazonaws.com', 'iotdata', 'eu-west-1'],
  ['api.ecr.us-east-1.amazonaws.com', 'ecr', 'us-east-1'],
  ['ecr-fips.us-east-1.amazonaws.com', 'ecr', 'us-east-1'],
  ['fips.batch.us-east-1.amazonaws.com', 'batch', 'us-east-1'],
  ['models-fips.lex.us-east-1.amazonaws.com', 'lex', 'us-east-1'],
  ['data-servicediscovery.eu-west-1.amazonaws.com', 'servicediscovery', 'eu-west-1'],
  ['123456789012.s3-control.us-east-1.amazonaws.com', 's3', 'us-east-1'],
  ['s3-control.dualstack.us-east-1.amazonaws.com', 's3', 'us-east-1'],
  ['s3-fips.dualstack.us-east-1.amazonaws.com', 's3', 'us-east-1'],
  ['sqs.eu-west-1.api.aws', 'sqs', 'eu-west-1'],
  ['lambda-fips.us-gov-west-1.amazonaws.com', 'lambda', 'us-gov-west-1'],
  ['ec2.cn-north-1.api.amazonwebservices.com.cn', 'ec2', 'cn-north-1'],
  // The European Sovereign Cloud partition and the ISO partitions' dual-stack suffixes.
  ['lambda.eusc-de-east-1.amazonaws.eu', 'lambda', 'eusc-de-east-1'],
  ['kms-fips.eusc-de-east-1.amazonaws.eu', 'kms', 'eusc-de-east-1'],
  ['sqs.eusc-de-east-1.api.amazonwebservices.eu', 'sqs', 'eusc-de-east-1'],
  ['route53.eusc-de-east-1.amazonaws.eu', 'route53', 'eusc-de-east-1'],
  ['lambda.us-isof-east-1.api.aws.hci.ic.gov', 'lambda', 'us-isof-east-1'],
  ['lambda.eu-isoe-west-1.api.cloud-aws.adc-e.uk', 'lambda', 'eu-isoe-west-1'],
  // Global endpoints sign for their partition's home region.
  ['iam.amazonaws.com', 'iam', 'us-east-1'],
  ['iam.global.api.aws', 'iam', 'us-east-1'],
  ['sts.amazonaws.com', 'sts', 'us-east-1'],
  ['route53.amazonaws.com', 'route53', 'us-east-1'],
  ['cloudfront.amazonaws.com', 'cloudfront', 'us-east-1'],
  ['iam.us-gov.amazonaws.com', 'iam', 'us-gov-west-1'],
  ['route53.amazonaws.com.cn', 'route53', 'cn-northwest-1'],
].map(([host, service, region]) => ({ name: host, host, service, region }));

const NOT_INFERRED: Array<{ name: string; host: string }> = [
  { name: 'custom domain', host: 'api.example.com' },
  { name: 'custom domain that mentions execute-api', host: 'execute-api.example.com' },
  { name: 'CloudFront distribution', host: 'd111111abcdef8.cloudfront.net' },
  { name: 'localhost', host: 'localhost' },
  { name: 'IPv4 loopback', host: '127.0.0.1' },
  { name: 'bogus region label', host: 'abc.execute-api.notaregion.amazonaws.com' },
  { name: 'region-looking label without a number', host: 'abc.execute-api.eu-west.amazonaws.com' },
  { name: 'bogus region on lambda-url', host: 'abc.lambda-url.nowhere.on.aws' },
  { name: 'AWS name as a prefix of another domain', host: 'execute-api.amazonaws.com.evil.com' },
  {
    name: 'full API Gateway host as a prefix of another domain',
    host: 'abc.execute-api.us-east-1.amazonaws.com.evil.com',
  },
  {
    name: 'China suffix followed by another domain',
    host: 'abc.execute-api.cn-north-1.amazonaws.com.cn.evil.com',
  },
  { name: 'look-alike suffix', host: 'abc.execute-api.us-east-1.notamazonaws.com' },
  { name: 'lambda-url look-alike suffix', host: 'abc.lambda-url.us-east-1.on.aws.evil.com' },
  { name: 'execute-api without a region label', host: 'abc.execute-api.amazonaws.com' },
  { name: 'empty host', host: '' },
  { name: 'a prefix botocore does not know', host: 'nosuchservice.us-east-1.amazonaws.com' },
  { name: 'an IoT data endpoint of an account', host: 'a1b2c3-ats.iot.us-east-1.amazonaws.com' },
  { name: 'a SigV2-only service', host: 'importexport.us-east-1.amazonaws.com' },
  { name: 'a retired service (Mobile Hub)', host: 'mobile.us-east-1.amazonaws.com' },
  { name: 'a sovereign-cloud label without a number', host: 'sqs.eusc-de.amazonaws.eu' },
  { name: 'an S3 website endpoint', host: 'my-bucket.s3-website.eu-central-1.amazonaws.com' },
];

test('an S3 Multi-Region Access Point is s3 with the region "*" (SigV4A for every region)', () => {
  expect(inferSigningScope('mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com')).toEqual({
    service: 's3',
    region: '*',
  });
  expect(inferSigningScope('x.mrap.accesspoint.s3-global.amazonaws.com.evil.com')).toBeUndefined();
});

describe('inferSigningScope: AWS hosts (DOMAIN.md §4)', () => {
  test.each(INFERRED)('$name: $host → $service/$region', ({ host, service, region }) => {
    expect(inferSigningScope(host)).toEqual({ service, region });
  });

  test('the region is the label next to the service label, never "execute-api"', () => {
    expect(inferSigningScope('abc.execute-api.eu-west-1.amazonaws.com')?.region).not.toBe(
      'execute-api',
    );
  });
});

describe("inferSigningScope: botocore's signing names (issue 14)", () => {
  test.each(SIGNING_NAMES)('$host → $service/$region', ({ host, service, region }) => {
    expect(inferSigningScope(host)).toEqual({ service, region });
  });
});

describe('inferSigningScope: hosts that are not inferred', () => {
  test.each(NOT_INFERRED)('$name: "$host"', ({ host }) => {
    expect(inferSigningScope(host)).toBeUndefined();
  });
});
