/** Runs one check and prints `ok - name` or `not ok - name` with the error. */
export function check(name: string, fn: () => unknown): Promise<void>;
/** The closing `smoke: N passed, M failed` line; sets the exit code. */
export function summary(): string;
