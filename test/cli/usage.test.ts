/**
 * What the tool refuses before sending anything: bad flags and arguments, a host whose region
 * and service cannot be inferred, no credentials (exit 2); and a server that cannot be reached
 * (exit 1). The endpoint's request log proves nothing was sent.
 */
import { startLocalIamEndpoint } from 'aws-sigv4-interceptor/testing';
import { baseEnv, credentialsEnv } from './support/env';
import { runCli } from './support/run';
import { useBuiltCliAndEndpoint } from './support/suite';

const { endpoint, files } = useBuiltCliAndEndpoint();
const env = { ...baseEnv(files), ...credentialsEnv };

const SCOPE = ['--region', 'us-east-1', '--service', 'execute-api'];

test('--help prints the usage on stdout and exits 0', async () => {
  const { code, stdout, stderr } = await runCli(['--help'], env);
  expect(code).toBe(0);
  expect(stdout.toString()).toMatch(/^Usage: aws-sigv4-interceptor \[options\] URL\n/);
  expect(stdout.toString()).toContain('--data-binary');
  expect(stderr).toBe('');
});

// [what is wrong, the arguments before the URL (URL appended when `url`), the message expected]
const USAGE_ERRORS: Array<[string, string[], boolean, RegExp]> = [
  ['an unknown flag', ['--bogus'], true, /unknown option '--bogus'\nTry --help\.\n$/],
  ['a flag without its value', ['-H'], false, /Option '-H, --header <value>' argument missing/],
  ['a header without a colon', ['-H', 'no-colon'], true, /-H 'no-colon': expected 'Name: value'/],
  ['no URL', [...SCOPE], false, /no URL given/],
  ['two URLs', ['http://127.0.0.1:1/a'], true, /one URL expected, got: /],
  ['a URL that is not http(s)', ['ftp://example.com/x'], false, /URL 'ftp:\/\/example.com\/x'/],
  ['data with GET', ['-X', 'GET', '-d', 'a=1'], true, /-X GET cannot send -d\/--data-binary/],
  ['an invalid method', ['-X', 'GE T'], true, /-X 'GE T': expected a method/],
  [
    'a missing data file',
    ['-d', '@/nonexistent/x.json'],
    true,
    /-d @\/nonexistent\/x.json: cannot read the file \(ENOENT\)/,
  ],
  ['an empty profile', ['--profile', ''], true, /--profile '': expected a name/],
  [
    'an invalid region (the library says so)',
    ['--region', 'EU_WEST'],
    true,
    /Invalid option --region - /,
  ],
  [
    'an invalid signing origin',
    ['--signing-origin', 'not a url'],
    true,
    /Invalid option --signing-origin - /,
  ],
];

test.each(USAGE_ERRORS)(
  '%s: exit 2 with a message naming it, nothing sent',
  async (_, args, url, message) => {
    const before = endpoint.requests.length;
    const { code, stdout, stderr } = await runCli(
      [...args, ...(url ? [`${endpoint.url}/prod/x`] : [])],
      env,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/^aws-sigv4-interceptor: /);
    expect(stderr).toMatch(message);
    expect(stdout.length).toBe(0);
    expect(endpoint.requests.length).toBe(before);
  },
);

test('a host with no region/service to infer, without --region/--service: UNKNOWN_SIGNING_SCOPE, exit 2', async () => {
  const before = endpoint.requests.length;
  const { code, stderr } = await runCli([`${endpoint.url}/prod/x`], env);
  expect(code).toBe(2);
  expect(stderr).toContain('Cannot infer the signing region and service from the host 127.0.0.1');
  expect(stderr).toContain('pass --region and --service');
  expect(endpoint.requests.length).toBe(before);
});

test('no credentials anywhere: exit 2 naming the sources tried', async () => {
  const before = endpoint.requests.length;
  const { code, stderr } = await runCli([...SCOPE, `${endpoint.url}/prod/x`], baseEnv(files));
  expect(code).toBe(2);
  expect(stderr).toContain('Could not resolve AWS credentials from environment variables');
  // The fix in this tool's words, not the library's option.
  expect(stderr).toContain('or pass --access-key and --secret-key (or --profile)\n');
  expect(stderr).not.toContain('`');
  expect(endpoint.requests.length).toBe(before);
});

test('a server that cannot be reached: exit 1 with the reason', async () => {
  const closed = await startLocalIamEndpoint();
  await closed.close();
  const { code, stderr } = await runCli([...SCOPE, `${closed.url}/prod/x`], env);
  expect(code).toBe(1);
  expect(stderr).toMatch(
    /^aws-sigv4-interceptor: request failed: fetch failed \(.*ECONNREFUSED.*\)\n$/,
  );
});
