/** Ours, fetch path: defaults only (region and service from the host, the SDK's env-first chain). */
import { createSignedFetch } from 'aws-sigv4-interceptor';

const signedFetch = createSignedFetch();

export const handler = async (): Promise<number> =>
  (await signedFetch(process.env.API_URL!)).status;
