/** Raw @smithy/signature-v4 with @aws-crypto/sha256-js and fetch, credentials read by hand. */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

const signer = new SignatureV4({
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID!,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!,
    sessionToken: process.env.AWS_SESSION_TOKEN,
  },
  region: process.env.AWS_REGION!,
  service: 'execute-api',
  sha256: Sha256,
});

export const handler = async (): Promise<number> => {
  const url = new URL(process.env.API_URL!);
  const signed = await signer.sign({
    method: 'GET',
    protocol: url.protocol,
    hostname: url.hostname,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { host: url.host },
  });
  return (await fetch(url, { headers: signed.headers })).status;
};
