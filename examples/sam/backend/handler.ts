/**
 * The backend of the SAM example's REST API (Lambda proxy integration): GET /items. With IAM
 * authorization, API Gateway tells the backend who signed the request.
 */

/** The part of API Gateway's proxy event this handler reads. */
export interface ItemsRequest {
  readonly queryStringParameters?: Readonly<Record<string, string>> | null;
  readonly requestContext?: { readonly identity?: { readonly userArn?: string | null } };
}

const ITEMS = [
  { id: 1, name: 'Dune', category: 'books' },
  { id: 2, name: 'Arrival', category: 'films' },
];

export const handler = async (event: ItemsRequest) => {
  const category = event.queryStringParameters?.category;
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      items: ITEMS.filter((item) => category === undefined || item.category === category),
      caller: event.requestContext?.identity?.userArn ?? null, // the caller's assumed-role ARN
    }),
  };
};
