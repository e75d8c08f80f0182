/**
 * Edit distance (Levenshtein, with an adjacent swap counted as one edit: `regoin` is one edit
 * from `region`), case-insensitive.
 */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let before: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        current[j] = Math.min(current[j], before[j - 2] + 1);
      }
    }
    [before, previous] = [previous, current];
  }
  return previous[y.length];
}

/**
 * The known name closest to `name`, for a "did you mean" hint: one within a third of its length
 * in edits (at least 2), or one that `name` contains (`allowedHosts` → `hosts`); else undefined.
 * @internal
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  if (best && best.distance <= Math.max(2, Math.floor(name.length / 3))) return best.name;
  const lower = name.toLowerCase();
  const contained = known.filter((candidate) => lower.includes(candidate.toLowerCase()));
  return contained.sort((a, b) => b.length - a.length)[0];
}
