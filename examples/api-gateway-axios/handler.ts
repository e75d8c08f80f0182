/**
 * A Lambda function calling an IAM-protected API Gateway REST API through axios, signed with the
 * function's execution role. Environment: API_URL (the stage URL); SIGNING_REGION and
 * SIGNING_SERVICE only when the host does not tell them (custom domain, local endpoint).
 */
import axios, { isAxiosError } from 'axios';
import { attachSigV4, formatDiagnosis, type Diagnosis } from 'aws-sigv4-interceptor';

const { API_URL, SIGNING_REGION, SIGNING_SERVICE } = process.env;
if (!API_URL)
  throw new Error('Set API_URL, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/prod');

// Created once per execution environment: warm invocations reuse the client, its connections and
// the credentials cached by the signer (the execution role's keys, read from the environment).
const api = axios.create({ baseURL: API_URL, timeout: 10_000 });
attachSigV4(api, { region: SIGNING_REGION, service: SIGNING_SERVICE });

/** The invocation payload, e.g. `{ "category": "books" }`. */
export interface ItemsEvent {
  readonly category?: string;
}

export const handler = async (event: ItemsEvent = {}): Promise<unknown> => {
  try {
    const response = await api.get('/items', { params: { category: event.category } });
    return response.data;
  } catch (error) {
    // An IAM refusal carries its explanation: the cause, the fix and, for AccessDenied, the
    // policy statement the execution role is missing.
    const diagnosis = isAxiosError<unknown>(error)
      ? (error as { diagnosis?: Diagnosis }).diagnosis
      : undefined;
    if (diagnosis) console.error(formatDiagnosis(diagnosis));
    throw error;
  }
};
