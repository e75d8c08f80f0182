/** aws-sigv4-fetch: default credentials (the SDK's Node provider chain). */
import { createSignedFetcher } from 'aws-sigv4-fetch';

const signedFetch = createSignedFetcher({ service: 'execute-api', region: process.env.AWS_REGION });

export const handler = async (): Promise<number> =>
  (await signedFetch(process.env.API_URL!)).status;
