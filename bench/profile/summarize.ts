/**
 * Summarizes a V8 .cpuprofile: `tsx bench/profile/summarize.ts <file> [rows]`. Prints self time
 * per function, self time per file (or package), and inclusive time per function, as
 * percentages of all sampled time.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const where = (url: string) => {
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (modules) return `${modules[1]}/${modules[2].split('/').pop()}`;
  return url.replace(/^file:\/\//, '').replace(/^.*\/(src|bench)\//, '$1/') || '(native/vm)';
};
const label = (node: ProfileNode) =>
  `${node.callFrame.functionName || '(anonymous)'} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

function summarize(profile: Profile) {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const inclusive = new Map<number, number>();
  const visit = (id: number): number => {
    const node = byId.get(id)!;
    const sum =
      (self.get(id) ?? 0) + (node.children ?? []).reduce((acc, child) => acc + visit(child), 0);
    inclusive.set(id, sum);
    return sum;
  };
  visit(profile.nodes[0].id);
  const group = (
    key: (node: ProfileNode) => string,
    values: Map<number, number>,
    once: boolean,
  ) => {
    const out = new Map<string, number>();
    // Inclusive time counts a function once per stack (recursion would count it twice).
    const seen = new Set<string>();
    const walk = (id: number, stack: Set<string>) => {
      const node = byId.get(id)!;
      const k = key(node);
      if (!once || !stack.has(k))
        out.set(k, (out.get(k) ?? 0) + (once ? (inclusive.get(id) ?? 0) : (values.get(id) ?? 0)));
      const next = once ? new Set(stack).add(k) : stack;
      for (const child of node.children ?? []) walk(child, next);
    };
    walk(profile.nodes[0].id, seen);
    return [...out].sort((a, b) => b[1] - a[1]);
  };
  return {
    total,
    selfByFunction: group(label, self, false),
    selfByFile: group((n) => where(n.callFrame.url).split(':')[0], self, false),
    inclusiveByFunction: group(label, inclusive, true),
  };
}

function main(): void {
  const [file, rowsArg = '25'] = process.argv.slice(2);
  if (!file) throw new Error('usage: summarize.ts <file.cpuprofile> [rows]');
  const rows = Number(rowsArg);
  const result = summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const pct = (us: number) => `${((100 * us) / result.total).toFixed(1).padStart(5)}%`;
  const print = (title: string, entries: [string, number][]) => {
    process.stdout.write(`\n${title}\n`);
    for (const [name, us] of entries.slice(0, rows)) process.stdout.write(`${pct(us)}  ${name}\n`);
  };
  process.stdout.write(`total sampled: ${(result.total / 1e3).toFixed(0)} ms\n`);
  print('self time by function', result.selfByFunction);
  print('self time by file', result.selfByFile);
  print('inclusive time by function', result.inclusiveByFunction);
}

main();
