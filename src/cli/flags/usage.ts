import { version } from '../../../package.json';

/** The package's version, for `--version`. @internal */
export const VERSION: string = version;

/**
 * The text of `--help`.
 * @internal
 */
export const USAGE = `Usage: aws-sigv4-interceptor [options] URL

Sends one HTTP request signed with AWS SigV4, curl-style. Credentials come from the AWS SDK's
default chain (environment, shared config and credentials files, SSO, container, instance
metadata) unless --profile names a profile or --access-key and --secret-key give keys.

Options:
  -X, --request METHOD      HTTP method (default GET, or POST with data)
  -H, --header 'Name: v'    add a request header (repeatable); it is signed
  -d, --data DATA           send DATA as the body; @FILE reads a file (CR/LF removed, as curl),
                            @- reads stdin; repeated -d are joined with '&'
      --data-binary DATA    like -d, but @FILE / @- are sent byte for byte
      --region REGION       signing region (default: inferred from the host)
      --service SERVICE     signing service, e.g. execute-api, lambda (default: inferred)
      --profile PROFILE     credentials of this profile of the shared config/credentials files
                            (takes precedence over AWS_ACCESS_KEY_ID and AWS_PROFILE)
      --access-key ID       sign with these keys (also --access_key, as awscurl); with
      --secret-key KEY        --secret-key (--secret_key) and, for temporary credentials,
      --session-token TOKEN   --session-token (--session_token, --security_token). Other
                              users of the machine can read a command line: prefer the
                              environment (AWS_ACCESS_KEY_ID, ...) or --profile
      --signing-origin URL  sign for this origin (a proxy such as CloudFront rewrites Host)
  -L, --location            follow redirects (same host re-signed, other hosts sent unsigned)
  -k, --insecure            accept any TLS certificate of the server (self-signed, expired)
  -i, --include             print the response headers to stderr
  -s, --silent              no status line and no hint on stderr (errors are still printed)
  -v, --verbose             print the canonical request, string to sign and signed headers
                            (secrets masked), and the diagnosis of a refusal, to stderr
  -h, --help                print this help
      --version             print the version

Output: the response body on stdout, the status line (HTTP 403 Forbidden) on stderr.
Exit codes: 0 status < 400; 1 status >= 400 or no response; 2 usage error or signing error.

Examples:
  aws-sigv4-interceptor https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items
  aws-sigv4-interceptor -X POST -H 'content-type: application/json' -d @order.json \\
    --region eu-west-1 --service execute-api https://api.example.com/orders
`;
