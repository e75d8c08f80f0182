/** aws4fetch: static credentials only, so they are read from the environment by hand. */
import { AwsClient } from 'aws4fetch';

const client = new AwsClient({
  accessKeyId: process.env.AWS_ACCESS_KEY_ID!,
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!,
  sessionToken: process.env.AWS_SESSION_TOKEN,
  service: 'execute-api',
  region: process.env.AWS_REGION,
});

export const handler = async (): Promise<number> =>
  (await client.fetch(process.env.API_URL!)).status;
