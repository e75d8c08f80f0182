/**
 * What a wrong value is, for a message: `null`, `undefined`, `a number`, `an array`,
 * `an object (ReadableStream)`. Never the value itself: it may be a secret.
 * @internal
 */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)
    ?.constructor?.name;
  return name && name !== 'Object' ? `an object (${name})` : 'an object';
}
