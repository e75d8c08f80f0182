import { clearCachedCredentials } from './credentials';
import { resetDefaultCredentialChain } from './defaultCredentials';

/**
 * Empties the process-wide credential cache, including the default chain's own memory, so the
 * next request resolves credentials afresh. For tests, a forced refresh, or after a Lambda
 * SnapStart restore (call it from the runtime's after-restore hook).
 */
export function clearCredentialCache(): void {
  clearCachedCredentials();
  resetDefaultCredentialChain();
}
