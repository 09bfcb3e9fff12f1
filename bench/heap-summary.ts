import { readFileSync } from 'node:fs';

/**
 * `npx tsx bench/heap-summary.ts OLD.heapsnapshot [NEW.heapsnapshot]`: the heap's objects by
 * constructor (count and self size), largest first; given two snapshots, what grew between them.
 * Reads V8's snapshot format: a flat `nodes` array described by `snapshot.meta.node_fields`.
 */
interface Totals {
  count: number;
  bytes: number;
}

function summarise(file: string): Map<string, Totals> {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const types = snapshot.snapshot.meta.node_types[0];
  const totals = new Map<string, Totals>();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt] ?? 0] ?? '?';
    const name =
      type === 'object' || type === 'closure'
        ? (snapshot.strings[snapshot.nodes[i + nameAt] ?? 0] ?? '?')
        : '';
    const key = `${type}${name ? ` ${name.slice(0, 60)}` : ''}`;
    const entry = totals.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += snapshot.nodes[i + sizeAt] ?? 0;
    totals.set(key, entry);
  }
  return totals;
}

const [oldFile, newFile] = process.argv.slice(2);
if (!oldFile) {
  process.stderr.write('usage: tsx bench/heap-summary.ts OLD.heapsnapshot [NEW.heapsnapshot]\n');
  process.exit(64);
}
const before = summarise(oldFile);
const after = newFile ? summarise(newFile) : undefined;
const rows = [...(after ?? before).entries()].map(([key, totals]) => {
  const base = after ? (before.get(key) ?? { count: 0, bytes: 0 }) : { count: 0, bytes: 0 };
  return { key, count: totals.count - base.count, bytes: totals.bytes - base.bytes };
});
rows.sort((a, b) => b.bytes - a.bytes);
for (const row of rows.slice(0, 30)) {
  process.stdout.write(
    `${(row.bytes / 1024).toFixed(0).padStart(9)} KiB ${String(row.count).padStart(8)}  ${row.key}\n`,
  );
}
