/**
 * A Lambda function searching an Amazon OpenSearch Service domain (IAM access policy, service
 * `es`) through axios. Environment: OPENSEARCH_URL (the domain endpoint), SEARCH_INDEX
 * (default `movies`); SIGNING_REGION and SIGNING_SERVICE only when the host does not tell them
 * (custom endpoint, local endpoint; `aoss` for OpenSearch Serverless collections).
 */
import axios, { isAxiosError } from 'axios';
import { attachSigV4, formatDiagnosis, type Diagnosis } from 'aws-sigv4-interceptor';

const { OPENSEARCH_URL, SEARCH_INDEX = 'movies', SIGNING_REGION, SIGNING_SERVICE } = process.env;
if (!OPENSEARCH_URL) {
  throw new Error(
    'Set OPENSEARCH_URL, e.g. https://search-movies-abc123.eu-west-1.es.amazonaws.com',
  );
}

// Once per execution environment.
const search = axios.create({ baseURL: OPENSEARCH_URL, timeout: 10_000 });
attachSigV4(search, { region: SIGNING_REGION, service: SIGNING_SERVICE });

interface SearchAnswer<Doc> {
  hits: { total: { value: number }; hits: Array<{ _id: string; _score: number; _source: Doc }> };
}

export interface Movie {
  title: string;
  year: number;
}

export const handler = async (event: { q: string; size?: number }) => {
  try {
    const { data } = await search.post<SearchAnswer<Movie>>(
      `/${encodeURIComponent(SEARCH_INDEX)}/_search`,
      { query: { match: { title: event.q } }, size: event.size ?? 10 },
    );
    return { total: data.hits.total.value, movies: data.hits.hits.map((hit) => hit._source) };
  } catch (error) {
    const diagnosis = isAxiosError<unknown>(error)
      ? (error as { diagnosis?: Diagnosis }).diagnosis
      : undefined;
    if (diagnosis) console.error(formatDiagnosis(diagnosis));
    throw error;
  }
};
