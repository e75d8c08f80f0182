/**
 * One header of a response as a client holds them: AxiosHeaders (with `get`), a plain record
 * (older axios, custom adapters) or anything else with a `get` method. Lower-case names.
 * @internal
 */
export function headerValue(headers: unknown, lowerName: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const get = (headers as { get?: (name: string) => unknown }).get;
  const value =
    typeof get === 'function'
      ? get.call(headers, lowerName)
      : (headers as Record<string, unknown>)[lowerName];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}
