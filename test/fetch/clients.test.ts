/**
 * Third-party clients that call the global fetch themselves, used as they are (no `fetch`
 * option, nothing changed in their code): after installSignedFetch, their requests to the API
 * are signed and verified, and those to another origin go out unsigned. Both are imported before
 * the install: ky and graphql-request look `globalThis.fetch` up at each request.
 */
import { installSignedFetch } from 'aws-sigv4-interceptor';
import {
  signingHeadersIn,
  TEST_CREDENTIALS,
  type VerifiedEcho,
} from 'aws-sigv4-interceptor/testing';
import { gql, GraphQLClient } from 'graphql-request';
import ky from 'ky';
import { useGlobalFetchServers } from './support';

/** A tiny GraphQL API behind IAM: `item(id)` answered from the verified request's body. */
function graphqlApi(echo: VerifiedEcho) {
  if (echo.path !== '/prod/graphql') return undefined; // the 200 echo
  const { variables } = JSON.parse(Buffer.from(echo.bodyBase64, 'base64').toString('utf8'));
  return {
    status: 200,
    body: { data: { item: { id: variables.id, signedBy: echo.accessKeyId } } },
  };
}

const servers = useGlobalFetchServers({ integration: graphqlApi });
beforeEach(() => installSignedFetch(servers.signing()));

const ITEM = gql`
  query Item($id: ID!) {
    item(id: $id) {
      id
      signedBy
    }
  }
`;

describe('ky', () => {
  test('GET and POST json to the API: signed, verified by the endpoint', async () => {
    const api = ky.create({ prefixUrl: `${servers.endpoint.url}/prod` });

    const got = await api.get('items', { searchParams: { limit: 2 } }).json<VerifiedEcho>();
    const posted = await api.post('orders', { json: { id: 7, note: 'café' } }).json<VerifiedEcho>();

    expect(got).toMatchObject({ message: 'verified', path: '/prod/items', rawQuery: 'limit=2' });
    expect(posted).toMatchObject({ message: 'verified', method: 'POST', path: '/prod/orders' });
    expect(Buffer.from(posted.bodyBase64, 'base64').toString('utf8')).toBe(
      '{"id":7,"note":"café"}',
    );
    expect(servers.endpoint.requests.map(({ result }) => result.ok)).toEqual([true, true]);
  });

  test('to another origin: unsigned, answered as usual', async () => {
    const answer = await ky.post(`${servers.recorder.url}/hook`, { json: { a: 1 } }).json();

    expect(answer).toEqual({ message: 'recorded' });
    expect(signingHeadersIn(servers.recorder.requests[0])).toEqual([]);
    expect(servers.endpoint.requests).toEqual([]);
  });
});

describe('graphql-request', () => {
  test('a query to the API: signed, verified, its data returned', async () => {
    const client = new GraphQLClient(`${servers.endpoint.url}/prod/graphql`);

    const data = await client.request(ITEM, { id: '7' });

    expect(data).toEqual({ item: { id: '7', signedBy: TEST_CREDENTIALS.accessKeyId } });
  });

  test('to another origin: unsigned, its answer handed to the client', async () => {
    const client = new GraphQLClient(`${servers.recorder.url}/graphql`);

    const { status } = await client.rawRequest(ITEM, { id: '8' });

    expect(status).toBe(200);
    const [received] = servers.recorder.requests;
    expect(JSON.parse(Buffer.from(received.body).toString('utf8'))).toMatchObject({
      variables: { id: '8' },
    });
    expect(signingHeadersIn(received)).toEqual([]);
  });
});
