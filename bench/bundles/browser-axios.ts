/** A page, axios path: the browser entry's interceptor, axios (browser build) included. */
import axios from 'axios';
import { attachSigV4, type AwsCredentialProvider } from 'aws-sigv4-interceptor';

export const callApi = async (url: string, credentials: AwsCredentialProvider): Promise<number> => {
  const api = axios.create();
  attachSigV4(api, { credentials });
  return (await api.get(url)).status;
};
