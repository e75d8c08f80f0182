/**
 * A Lambda function running an AppSync GraphQL query (API with IAM authorization, service
 * `appsync`) through the signed fetch. Environment: GRAPHQL_URL; SIGNING_REGION and
 * SIGNING_SERVICE only when the host does not tell them (custom domain, local endpoint).
 */
import { createSignedFetch, diagnose, formatDiagnosis } from 'aws-sigv4-interceptor';

const { GRAPHQL_URL, SIGNING_REGION, SIGNING_SERVICE } = process.env;
if (!GRAPHQL_URL) {
  throw new Error(
    'Set GRAPHQL_URL, e.g. https://abc123.appsync-api.eu-west-1.amazonaws.com/graphql',
  );
}

// Once per execution environment.
const signedFetch = createSignedFetch({ region: SIGNING_REGION, service: SIGNING_SERVICE });

const GET_ITEM = /* GraphQL */ `
  query GetItem($id: ID!) {
    getItem(id: $id) {
      id
      name
      price
    }
  }
`;

interface GraphQLAnswer<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; errorType?: string }>;
}

export interface Item {
  id: string;
  name: string;
  price: number;
}

export const handler = async (event: { id: string }): Promise<Item | null> => {
  const response = await signedFetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: GET_ITEM, variables: { id: event.id } }),
  });
  if (!response.ok) {
    const diagnosis = await diagnose(response);
    if (diagnosis) console.error(formatDiagnosis(diagnosis));
    throw new Error(`GraphQL request failed: HTTP ${response.status} ${await response.text()}`);
  }
  // GraphQL reports resolver errors with HTTP 200: check `errors` too.
  const { data, errors } = (await response.json()) as GraphQLAnswer<{ getItem: Item | null }>;
  if (errors?.length) throw new Error(`GraphQL errors: ${errors.map((e) => e.message).join('; ')}`);
  return data?.getItem ?? null;
};
