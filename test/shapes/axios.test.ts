/**
 * "Sign exactly what is sent" through real axios (http adapter) with attachSigV4: every case must
 * verify at the local IAM endpoint AND arrive as the caller meant it, after every interceptor,
 * axios's params serialization and the whole transformRequest chain.
 */
import axios, {
  type AxiosInstance,
  type AxiosRequestConfig,
  type AxiosRequestTransformer,
  type AxiosResponse,
  type CreateAxiosDefaults,
  type InternalAxiosRequestConfig,
} from 'axios';
import {
  axiosEcho,
  BODY_CASES,
  expectArrived,
  expectFormArrived,
  makeForm,
  METHOD_CASES,
  nextSecond,
  PATH_CASES,
  QUERY_CASES,
  startRecordingServer,
  useShapesHarness,
  utf8,
  type Echo,
  expectArrivedUntouched,
  methodCaseArrival,
} from './harness';
import { expectFormPostArrived, expectHeadArrived, HEAD_TARGET, HEADERS_CASE } from './singleCases';
import { AXIOS_TAKES_WEB_STREAMS } from '../fuzz/support/limits';

const h = useShapesHarness();

/**
 * Before 1.7 axios itself serializes a web ReadableStream to `{}` (the 'axios 1.6.0' jest
 * project runs this suite on 1.6.0; test/fuzz/regressions.test.ts pins what arrives then).
 */
const AXIOS_BODY_CASES = AXIOS_TAKES_WEB_STREAMS
  ? BODY_CASES
  : BODY_CASES.filter(({ name }) => name !== 'web ReadableStream');

const send = async (config: AxiosRequestConfig, api: AxiosInstance = h.api): Promise<Echo> =>
  axiosEcho(await api.request(config));

const defaultTransforms = axios.defaults.transformRequest as AxiosRequestTransformer[];

describe('axios: methods', () => {
  test.each(METHOD_CASES)('$name', async ({ method, body }) => {
    const echo = await send({
      method,
      url: h.url('/methods/x?m=1'),
      data: body,
      headers: { 'X-Case': method },
    });
    expectArrived(echo, methodCaseArrival(method, body));
  });

  test('GET with a body (axios sends it; fetch cannot)', async () => {
    const echo = await send({ method: 'GET', url: h.url('/methods/get-body'), data: 'get body' });
    expectArrived(echo, { method: 'GET', path: '/methods/get-body', body: utf8('get body') });
  });

  test('HEAD (no response body: checked on the request the endpoint received)', async () => {
    const response = await h.api.head(h.url(HEAD_TARGET), { headers: { 'X-Case': 'HEAD' } });
    expect(response.status).toBe(200);
    expectHeadArrived(h.endpoint);
  });
});

describe('axios: paths', () => {
  test.each(PATH_CASES)('$name', async ({ target, path }) => {
    expectArrived(await send({ url: h.url(target) }), { method: 'GET', path });
  });

  test.each(PATH_CASES)('$name, relative to a baseURL, with params', async ({ target, path }) => {
    const api = h.createApi({ baseURL: h.url('') });
    const echo = await send({ url: target, params: { k: 'v w' } }, api);
    expectArrived(echo, { method: 'GET', path, query: [['k', 'v w']] });
  });
});

describe('axios: queries written in the URL', () => {
  test.each(QUERY_CASES)('$name', async ({ search, query }) => {
    expectArrived(await send({ url: h.url(`/query${search}`) }), {
      method: 'GET',
      path: '/query',
      query,
    });
  });

  test.each(QUERY_CASES)('$name, plus params', async ({ search, query }) => {
    const echo = await send({ url: h.url(`/query${search}`), params: { extra: 'x y' } });
    expectArrived(echo, { method: 'GET', path: '/query', query: [...query, ['extra', 'x y']] });
  });
});

interface ParamsCase {
  name: string;
  config: AxiosRequestConfig;
  query: Array<[string, string]>;
  defaults?: CreateAxiosDefaults;
}

const PARAMS_CASES: ParamsCase[] = [
  {
    name: 'arrays',
    config: { params: { ids: [1, 2, 3] } },
    query: [
      ['ids[]', '1'],
      ['ids[]', '2'],
      ['ids[]', '3'],
    ],
  },
  {
    name: 'nested objects',
    config: { params: { filter: { name: 'a b', tags: ['x', 'y'] } } },
    query: [
      ['filter[name]', 'a b'],
      ['filter[tags][0]', 'x'],
      ['filter[tags][1]', 'y'],
    ],
  },
  {
    name: 'null and undefined are dropped',
    config: { params: { a: null, b: undefined, c: 'kept' } },
    query: [['c', 'kept']],
  },
  {
    name: 'Dates',
    config: { params: { since: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) } },
    query: [['since', '2024-01-02T03:04:05.000Z']],
  },
  {
    name: 'values with + %2B space : $ , [] and unicode',
    config: { params: { q: 'a+b c', r: '%2B', s: ':$,[]', u: 'é日😀', 'k y': '=&' } },
    query: [
      ['q', 'a+b c'],
      ['r', '%2B'],
      ['s', ':$,[]'],
      ['u', 'é日😀'],
      ['k y', '=&'],
    ],
  },
  {
    name: 'keys that sort differently encoded and raw',
    config: { params: { 'a~': 1, 'a.': 2, aB: 3, a_: 4, Ab: 5 } },
    query: [
      ['a~', '1'],
      ['a.', '2'],
      ['aB', '3'],
      ['a_', '4'],
      ['Ab', '5'],
    ],
  },
  {
    name: 'params added to a query already in the URL',
    config: { url: '/params?x=1&x=2', params: { y: 'z' } },
    query: [
      ['x', '1'],
      ['x', '2'],
      ['y', 'z'],
    ],
  },
  {
    name: 'a custom paramsSerializer function',
    config: {
      params: { ids: [1, 2], q: 'x y' },
      paramsSerializer: (params: Record<string, unknown>) =>
        Object.entries(params)
          .map(([key, value]) => `${key}=${encodeURIComponent([value].flat().join(','))}`)
          .join('&'),
    },
    query: [
      ['ids', '1,2'],
      ['q', 'x y'],
    ],
  },
  {
    name: 'a custom paramsSerializer { serialize }',
    config: {
      params: { list: ['a', 'b c'] },
      paramsSerializer: {
        serialize: (params: Record<string, string[]>) =>
          `list=${params.list.map(encodeURIComponent).join('|')}&mode=pipe`,
      },
    },
    query: [
      ['list', 'a|b c'],
      ['mode', 'pipe'],
    ],
  },
  {
    name: 'a paramsSerializer { encode }',
    config: {
      params: { q: 'a b+c', ids: [1] },
      paramsSerializer: { encode: (value: string) => encodeURIComponent(value) },
    },
    query: [
      ['q', 'a b+c'],
      ['ids[]', '1'],
    ],
  },
  {
    name: 'a paramsSerializer { indexes: null } (repeated keys)',
    config: { params: { ids: [1, 2] }, paramsSerializer: { indexes: null } },
    query: [
      ['ids', '1'],
      ['ids', '2'],
    ],
  },
  {
    name: 'an instance-wide paramsSerializer { serialize }',
    defaults: {
      paramsSerializer: {
        serialize: (params: Record<string, string>) => `only=${encodeURIComponent(params.only)}`,
      },
    },
    config: { params: { only: 'é +', ignored: 'x' } },
    query: [['only', 'é +']],
  },
  {
    name: 'instance default params merged with the request params',
    defaults: { params: { apiKey: 'k1' } },
    config: { params: { q: 'v' } },
    query: [
      ['apiKey', 'k1'],
      ['q', 'v'],
    ],
  },
];

describe('axios: params', () => {
  test.each(PARAMS_CASES)('$name', async ({ config, query, defaults }) => {
    const api = h.createApi({ baseURL: h.url(''), ...defaults });
    const echo = await send({ url: '/params', ...config }, api);
    expectArrived(echo, { method: 'GET', path: '/params', query });
  });
});

describe('axios: baseURL', () => {
  const cases: Array<{
    name: string;
    base: string;
    config: AxiosRequestConfig;
    path: string;
    query?: Array<[string, string]>;
  }> = [
    {
      name: 'a relative URL',
      base: '/base/v1',
      config: { url: 'items/1' },
      path: '/base/v1/items/1',
    },
    {
      name: 'a relative URL with a leading slash',
      base: '/base/v1/',
      config: { url: '/items?x=1' },
      path: '/base/v1/items',
      query: [['x', '1']],
    },
    {
      name: 'a relative URL with unicode, spaces and params',
      base: '/base é',
      config: { url: 'a b/日本', params: { q: 'é' } },
      path: '/base%20%C3%A9/a%20b/%E6%97%A5%E6%9C%AC',
      query: [['q', 'é']],
    },
  ];

  test.each(cases)('$name', async ({ base, config, path, query }) => {
    const echo = await send(config, h.createApi({ baseURL: h.url(base) }));
    expectArrived(echo, { method: 'GET', path, query });
  });

  test('an absolute URL overrides the baseURL', async () => {
    // Port 9 (discard) on loopback: nothing answers there, so only the absolute URL can verify.
    const api = h.createApi({ baseURL: 'http://127.0.0.1:9/never' });
    const echo = await send({ url: h.url('/absolute?x=1') }, api);
    expectArrived(echo, { method: 'GET', path: '/absolute', query: [['x', '1']] });
  });
});

describe('axios: headers', () => {
  test('custom mixed-case header, inner and outer spaces, user-agent, accept', async () => {
    const { path, body, headers, arrival } = HEADERS_CASE;
    const echo = await send({ method: 'POST', url: h.url(path), data: body, headers });
    expectArrived(echo, arrival);
  });

  test("axios's own Accept, Content-Type (JSON) and User-Agent", async () => {
    const echo = await send({ method: 'POST', url: h.url('/headers/own'), data: { a: 1 } });
    expectArrived(echo, {
      method: 'POST',
      path: '/headers/own',
      headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
      signed: ['accept', 'content-type'],
      body: utf8('{"a":1}'),
    });
    expect(echo.headers['user-agent']).toMatch(/^axios\//);
  });

  test('instance defaults: headers.common, headers.post and create({ headers })', async () => {
    const api = h.createApi({ headers: { 'X-Created-With': 'create' } }, (instance) => {
      instance.defaults.headers.common['X-Instance-Default'] = 'common  value';
    });
    api.defaults.headers.post['X-Post-Default'] = 'post';
    const echo = await send({ method: 'POST', url: h.url('/headers/defaults'), data: 'd' }, api);
    expectArrived(echo, {
      method: 'POST',
      path: '/headers/defaults',
      headers: {
        'x-created-with': 'create',
        'x-instance-default': 'common  value',
        'x-post-default': 'post',
      },
      signed: ['x-created-with', 'x-instance-default', 'x-post-default'],
      body: utf8('d'),
    });
  });

  test('an array header value arrives with both values, signed', async () => {
    const echo = await send({
      url: h.url('/headers/array'),
      headers: { 'X-Multi': ['one', 'two'] },
    });
    expectArrived(echo, {
      method: 'GET',
      path: '/headers/array',
      headers: { 'x-multi': 'one, two' },
      signed: ['x-multi'],
    });
  });
});

describe('axios: bodies', () => {
  test('no body (POST)', async () => {
    expectArrived(await send({ method: 'POST', url: h.url('/body') }), {
      method: 'POST',
      path: '/body',
    });
  });

  test.each(AXIOS_BODY_CASES)('$name', async ({ make, bytes, contentType }) => {
    const echo = await send({ method: 'PUT', url: h.url('/body?kind=x'), data: make() });
    expectArrived(echo, { method: 'PUT', path: '/body', query: [['kind', 'x']], body: bytes });
    if (contentType) expect(echo.headers['content-type']?.toLowerCase()).toBe(contentType);
  });

  test('a JSON object (serialized by axios after the interceptors ran)', async () => {
    const data = { a: 1, b: 'é ✓', nested: { c: [1, 2], d: null } };
    const echo = await send({ method: 'POST', url: h.url('/body/json'), data });
    expectArrived(echo, {
      method: 'POST',
      path: '/body/json',
      headers: { 'content-type': 'application/json' },
      signed: ['content-type'],
      body: utf8('{"a":1,"b":"é ✓","nested":{"c":[1,2],"d":null}}'),
    });
  });

  test('a JSON array', async () => {
    const echo = await send({ method: 'PATCH', url: h.url('/body/json'), data: [1, 'two'] });
    expectArrived(echo, { method: 'PATCH', path: '/body/json', body: utf8('[1,"two"]') });
  });

  test('FormData: multipart whose boundary is the one in the arrived content type', async () => {
    const echo = await send({ method: 'POST', url: h.url('/body/form'), data: makeForm() });
    await expectFormPostArrived(echo);
  });
});

describe("axios: the user's own interceptors and transformRequest on the same instance", () => {
  /**
   * One instance with an interceptor registered before attachSigV4 (axios runs it AFTER ours),
   * one registered after (runs BEFORE ours), and a transformRequest that wraps the body.
   */
  function interceptedApi(): AxiosInstance {
    const api = h.createApi(
      {
        baseURL: h.url('/svc'),
        transformRequest: [
          (data: unknown) => (data === undefined ? data : { wrapped: data }),
          ...defaultTransforms,
        ],
      },
      (instance) => {
        instance.interceptors.request.use((config) => {
          config.headers.set('X-Before', 'registered before');
          config.url = `${config.url}/before`;
          return config;
        });
      },
    );
    api.interceptors.request.use(async (config) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      config.headers['X-After'] = 'registered after';
      config.params = { ...config.params, after: 'yes ✓' };
      return config;
    });
    return api;
  }

  const cases: Array<{
    name: string;
    config: AxiosRequestConfig;
    method: string;
    body: string;
  }> = [
    {
      name: 'GET with params',
      config: { url: 'items', params: { own: '1' } },
      method: 'GET',
      body: '',
    },
    {
      name: 'POST with a JSON object',
      config: { method: 'post', url: 'items', params: { own: '1' }, data: { a: 'é' } },
      method: 'POST',
      body: '{"wrapped":{"a":"é"}}',
    },
  ];

  test.each(cases)('$name', async ({ config, method, body }) => {
    const echo = await send(config, interceptedApi());
    expectArrived(echo, {
      method,
      path: '/svc/items/before',
      query: [
        ['own', '1'],
        ['after', 'yes ✓'],
      ],
      headers: { 'x-before': 'registered before', 'x-after': 'registered after' },
      signed: ['x-before', 'x-after'],
      body: utf8(body),
    });
  });

  test('a transformRequest that runs after the defaults and changes the content type', async () => {
    const api = h.createApi({
      transformRequest: [
        ...defaultTransforms,
        (data: string, headers) => {
          headers.set('Content-Type', 'text/x-wrapped', true);
          return `<<${data}>>`;
        },
      ],
    });
    const echo = await send({ method: 'PUT', url: h.url('/transformed'), data: { a: 1 } }, api);
    expectArrived(echo, {
      method: 'PUT',
      path: '/transformed',
      headers: { 'content-type': 'text/x-wrapped' },
      signed: ['content-type'],
      body: utf8('<<{"a":1}>>'),
    });
  });
});

describe('axios: retries re-sign', () => {
  const retryCases: Array<{
    name: string;
    relative?: boolean;
    defaults?: CreateAxiosDefaults;
    config: AxiosRequestConfig;
    form?: boolean;
  }> = [
    { name: 'a JSON POST with params', config: { params: { p: 'x y' }, data: { a: 1 } } },
    {
      name: 'a baseURL-relative URL',
      relative: true,
      config: { params: { p: 'x y' }, data: { a: 1 } },
    },
    {
      name: 'a FormData body',
      config: { params: { p: 'x y' }, data: makeForm() },
      form: true,
    },
    {
      name: 'instance default params',
      defaults: { params: { p: 'x y' } },
      config: { data: { a: 1 } },
    },
  ];

  async function expectRetried(echo: Echo, form: boolean | undefined): Promise<void> {
    expectArrived(echo, {
      method: 'POST',
      path: '/retry',
      query: [['p', 'x y']],
      headers: { 'x-attempt': 'same' },
      signed: ['x-attempt'],
      body: form ? 'checked apart' : utf8('{"a":1}'),
    });
    if (form) await expectFormArrived(echo);
  }

  test.each(retryCases)(
    '$name: instance.request(response.config), as axios-retry does',
    async ({ relative, defaults, config, form }) => {
      const api = h.createApi({ ...defaults, ...(relative && { baseURL: h.url('') }) });
      const first = await api.request({
        method: 'post',
        url: relative ? '/retry' : h.url('/retry'),
        headers: { 'X-Attempt': 'same' },
        ...config,
      });
      const firstEcho = axiosEcho(first);
      await nextSecond();
      const secondEcho = axiosEcho(await api.request(first.config));
      await expectRetried(firstEcho, form);
      await expectRetried(secondEcho, form);
      // A fresh signature, not the first attempt's headers sent again.
      expect(secondEcho.headers['x-amz-date']).not.toBe(firstEcho.headers['x-amz-date']);
      expect(secondEcho.headers.authorization).not.toBe(firstEcho.headers.authorization);
    },
  );

  test('a response interceptor that retries once with a changed header', async () => {
    const api = h.createApi();
    const attempts: Echo[] = [];
    api.interceptors.response.use(async (response: AxiosResponse) => {
      attempts.push(axiosEcho(response));
      const config = response.config as InternalAxiosRequestConfig;
      if (config.headers.get('X-Attempt') === '2') return response;
      config.headers.set('X-Attempt', '2');
      await nextSecond();
      return api.request(config);
    });
    const response = await api.post(
      h.url('/retry/interceptor?p=1'),
      { a: 'é' },
      {
        headers: { 'X-Attempt': '1' },
      },
    );
    expect(attempts).toHaveLength(2);
    expect(axiosEcho(response)).toEqual(attempts[1]);
    attempts.forEach((echo, index) =>
      expectArrived(echo, {
        method: 'POST',
        path: '/retry/interceptor',
        query: [['p', '1']],
        headers: { 'x-attempt': String(index + 1), 'content-type': 'application/json' },
        signed: ['x-attempt', 'content-type'],
        body: utf8('{"a":"é"}'),
      }),
    );
    expect(attempts[1].headers['x-amz-date']).not.toBe(attempts[0].headers['x-amz-date']);
    expect(attempts[1].headers.authorization).not.toBe(attempts[0].headers.authorization);
  });
});

describe('axios: hosts out of scope pass through untouched', () => {
  test('a request to another server carries no signature and keeps its URL and body', async () => {
    const recorder = await startRecordingServer();
    try {
      const api = h.createApi({}, undefined, { hosts: [`127.0.0.1:${h.endpoint.port}`] });
      // The same instance still signs the endpoint's host.
      expectArrived(await send({ url: h.url('/in-scope?q=a+b') }, api), {
        method: 'GET',
        path: '/in-scope',
        query: [['q', 'a b']],
      });

      const response = await api.post(`${recorder.url}/raw path?q=a+b&r=%2B`, 'untouched + body', {
        params: { p: 'x y' },
        headers: { 'X-Custom-Thing': 'v', 'Content-Type': 'text/plain' },
      });
      expect(response.status).toBe(204);
      // What plain axios sends: its own params encoding, the query in the URL not re-encoded.
      expectArrivedUntouched(recorder, '/raw%20path?q=a+b&r=%2B&p=x+y', 'untouched + body');
    } finally {
      await recorder.close();
    }
  });
});
