/**
 * How to name an IAM caller in advice: the role behind an assumed-role session (policies attach to
 * the role, not the session), the user, or the ARN itself.
 */

/** The account of an ARN (`arn:partition:service:region:account:resource`), if any. @internal */
export function accountOf(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** `role Caller` for `...:assumed-role/Caller/session` or `...:role/Caller`, `user alice`, else the ARN. @internal */
export function describePrincipal(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  const assumed = /^assumed-role\/([^/]+)\//.exec(resource);
  if (assumed) return `role ${assumed[1]}`;
  const named = /^(role|user)\/(?:.*\/)?([^/]+)$/.exec(resource);
  return named ? `${named[1]} ${named[2]}` : arn;
}
