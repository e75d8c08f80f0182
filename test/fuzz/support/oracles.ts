import type { RawRequest, VerifySuccess } from 'aws-sigv4-interceptor/testing';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { aws4AuthorizationOf, aws4Limitation } from '../../support/aws4Signed';
import type { BotocoreOracle } from '../../support/botocoreOracle';

/**
 * The second and third opinions on a request that verified at the local endpoint: the `aws4`
 * package and botocore, each handed the request exactly as it arrived (the headers it names as
 * signed, the raw path and query, the body bytes, its x-amz-date) must compute our signature.
 */
export interface OracleTally {
  aws4: number;
  aws4Skipped: Record<string, number>;
  botocore: number;
}

export const newTally = (): OracleTally => ({ aws4: 0, aws4Skipped: {}, botocore: 0 });

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

function valuesOf(raw: RawRequest, name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < raw.rawHeaders.length; i += 2) {
    if (raw.rawHeaders[i].toLowerCase() === name) values.push(raw.rawHeaders[i + 1]);
  }
  return values;
}

const trimAll = (value: string) => value.trim().replace(/\s+/g, ' ');

export async function expectOraclesAgree(
  raw: RawRequest,
  result: VerifySuccess,
  origin: string,
  botocore: BotocoreOracle | undefined,
  tally: OracleTally,
): Promise<void> {
  const authorization = valuesOf(raw, 'authorization')[0] ?? '';
  const match = AUTHORIZATION.exec(authorization);
  expect(match).not.toBeNull();
  const [, , , region, service, signedList, signature] = match!;
  const signed = signedList.split(';');
  const amzDate = valuesOf(raw, 'x-amz-date')[0];
  const url = `${origin}${raw.rawUrl}`;

  const limitation = aws4Limitation(url, signed);
  if (limitation) {
    tally.aws4Skipped[limitation] = (tally.aws4Skipped[limitation] ?? 0) + 1;
  } else {
    // A repeated field reaches aws4 as one value: each part trimmed, joined with `,` (SigV4).
    const headers = Object.fromEntries(
      signed.map((name) => {
        const values = valuesOf(raw, name);
        return [name, values.length === 1 ? values[0] : values.map(trimAll).join(',')];
      }),
    );
    const credentials = TEST_CREDENTIALS;
    const body = raw.body;
    const method = raw.method;
    expect(aws4AuthorizationOf({ method, url, headers, body, service, region, credentials })).toBe(
      authorization,
    );
    tally.aws4 += 1;
  }

  if (botocore) {
    const headers = signed.flatMap((name) =>
      valuesOf(raw, name).map((value) => [name, value] as [string, string]),
    );
    const boto = await botocore.sign({
      method: raw.method,
      url,
      headers,
      body: raw.body,
      amzDate,
      region,
      service,
      ...TEST_CREDENTIALS,
      s3: service === 's3',
    });
    expect({ canonicalRequest: boto.canonicalRequest, signature: boto.signature }).toEqual({
      canonicalRequest: result.canonicalRequest,
      signature,
    });
    tally.botocore += 1;
  }
}
