/** Ours, axios path: defaults only (region and service from the host, the SDK's env-first chain). */
import axios from 'axios';
import { attachSigV4 } from 'aws-sigv4-interceptor';

const api = axios.create();
attachSigV4(api);

export const handler = async (): Promise<number> => (await api.get(process.env.API_URL!)).status;
