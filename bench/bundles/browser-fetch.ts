/** A page, fetch path: the browser entry with credentials passed (a page has no default chain). */
import { createSignedFetch, type AwsCredentialProvider } from 'aws-sigv4-interceptor';

export const callApi = async (url: string, credentials: AwsCredentialProvider): Promise<number> =>
  (await createSignedFetch({ credentials })(url)).status;
