/**
 * Lookups over node's flat `rawHeaders` (`[name, value, name, value, ...]`). The raw list is kept
 * because `req.headers` merges or drops repeated fields, and SigV4 signs every repetition.
 */

/** Every value received for `name` (case-insensitive), in received order. @internal */
export function headerValues(rawHeaders: readonly string[], name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === wanted) values.push(rawHeaders[i + 1]);
  }
  return values;
}

/** The first value received for `name`, as node does for singleton fields. @internal */
export function firstHeader(rawHeaders: readonly string[], name: string): string | undefined {
  return headerValues(rawHeaders, name)[0];
}

/** Lower-cased names to values as received, repeated fields joined with `, `. @internal */
export function headerRecord(rawHeaders: readonly string[]): Record<string, string> {
  // No prototype: a header named `__proto__` or `constructor` is just a header here.
  const record: Record<string, string> = Object.create(null);
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    const value = rawHeaders[i + 1];
    record[name] = Object.hasOwn(record, name) ? `${record[name]}, ${value}` : value;
  }
  return record;
}
