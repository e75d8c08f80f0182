import { clearCredentialCache } from './clearCredentialCache';
import { resetClockOffset } from '../exchange/clock';

/**
 * Call from your after-restore hook when the function runs with Lambda SnapStart: credentials
 * and clock correction captured in the snapshot are dropped, so the next request resolves
 * credentials afresh (from the container credentials endpoint Lambda provides after a restore)
 * instead of trusting ones every restored environment shares.
 * @example
 * // Node.js runtimes with a runtime interface client that exposes SnapStart hooks:
 * registerAfterRestore(afterSnapshotRestore);
 */
export function afterSnapshotRestore(): void {
  clearCredentialCache();
  resetClockOffset();
}
