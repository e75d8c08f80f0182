import { FLAG_SPELLINGS } from './flags';

/** Edits (insert, delete, substitute, swap two neighbours) between two short strings. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

/**
 * The flag meant by an unknown one: the closest spelling within a third of its length (at
 * least 2 edits), or one the typed flag starts (`--verb` for `--verbose`).
 * @internal
 */
export function closestFlag(typed: string): string | undefined {
  const name = typed.split('=')[0];
  const prefixed = FLAG_SPELLINGS.filter((flag) => name.length > 3 && flag.startsWith(name));
  if (prefixed.length === 1) return prefixed[0];
  const limit = Math.max(2, Math.floor(name.length / 3));
  const ranked = FLAG_SPELLINGS.map((flag) => ({ flag, edits: distance(name, flag) }))
    .filter(({ edits }) => edits <= limit)
    .sort((x, y) => x.edits - y.edits);
  return ranked[0]?.flag;
}
