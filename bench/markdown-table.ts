import { readFileSync } from 'node:fs';
import type { BenchRow } from './bench-row.js';

/**
 * `npx tsx bench/markdown-table.ts [FILE]`: the table of one bench run (default
 * bench/results/latest.json) as Markdown, with when, on what and at which load it ran, for
 * DEVELOPERS.md: the documented figures are one run's, pasted whole.
 */
interface BenchRun {
  at: string;
  node: string;
  cpus: number;
  loads: Record<string, string>;
  rows: BenchRow[];
}

const file = process.argv[2] ?? 'bench/results/latest.json';
const run = JSON.parse(readFileSync(file, 'utf8')) as BenchRun;
const cell = (text: string) => text.replaceAll('|', '\\|');
const lines = [
  `One run of \`npm run bench\`, ${run.at.slice(0, 16).replace('T', ' ')} UTC, Node ${run.node}, ${run.cpus} cores.`,
  `Load average (1, 5, 15 min) at each section's start: ${Object.entries(run.loads)
    .map(([section, load]) => `\`${section}\` ${load}`)
    .join('; ')}.`,
  '',
  '| section | measure | value | goal | met |',
  '| --- | --- | --- | --- | --- |',
];
let previous = '';
for (const row of run.rows) {
  const value = Number.isNaN(row.value) ? 'n/a' : `${row.value.toLocaleString('en')} ${row.unit}`.trim();
  const met = row.met === undefined ? '' : row.met ? 'yes' : '**no**';
  const section = row.section === previous ? '' : cell(row.section);
  previous = row.section;
  lines.push(`| ${section} | ${cell(row.measure)} | ${value} | ${cell(row.goal ?? '')} | ${met} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
