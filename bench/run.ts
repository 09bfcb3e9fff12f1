import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { labComponents, labDown } from '../test/lab/lab.js';
import type { BenchRow, BenchSection } from './bench-row.js';
import { alertStorm } from './sections/alert-storm.js';
import { chartsBench } from './sections/charts.js';
import { deployedBot } from './sections/deployed-bot.js';
import { deployedEscalation } from './sections/deployed-escalation.js';
import { diagnoseLab } from './sections/diagnose-lab.js';
import { diagnoseLocal } from './sections/diagnose-local.js';
import { escalationBench } from './sections/escalation.js';
import { guardOverhead } from './sections/guard-overhead.js';
import { installBench } from './sections/install.js';
import { pagesFailoverBench } from './sections/pages-failover.js';
import { remediationLab } from './sections/remediation-lab.js';
import { reportsBench } from './sections/reports.js';
import { slackAck } from './sections/slack-ack.js';
import { sloBench } from './sections/slo.js';
import { sshWrapperBench } from './sections/ssh-wrapper.js';

/**
 * `npm run bench [-- SECTION...]`: runs the benchmark sections one after another (never in
 * parallel: they would disturb each other), prints one table and writes bench/results/latest.json.
 * Goals are reported, not asserted: the machines are noisy; quote medians from one run.
 */
const SECTIONS: Record<string, BenchSection> = {
  'diagnose-local': diagnoseLocal,
  'diagnose-lab': diagnoseLab,
  'ssh-wrapper': sshWrapperBench,
  'slack-ack': slackAck,
  'deployed-bot': deployedBot,
  'guard-overhead': guardOverhead,
  'remediation-lab': remediationLab,
  escalation: escalationBench,
  'escalation-deployed': deployedEscalation,
  'pages-failover': pagesFailoverBench,
  reports: reportsBench,
  slo: sloBench,
  charts: chartsBench,
  'alert-storm': alertStorm,
  install: installBench,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown section(s): ${unknown.join(', ')}; valid: ${Object.keys(SECTIONS).join(', ')}\n`,
  );
  process.exit(64);
}

// Sections bring the lab up when they need it; leave it as it was found (CI shares the machine).
const labWasUp = (await labComponents()).every((component) => component.running);
const rows: BenchRow[] = [];
// The machine is shared: each section's load average at its start goes with its figures.
const loads: Record<string, string> = {};
try {
  for (const [name, section] of Object.entries(SECTIONS)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    loads[name] = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    process.stderr.write(`bench: ${name}… (load average ${loads[name]})\n`);
    // A section that fails is a row that says so: the other sections' figures are still written.
    try {
      rows.push(...(await section()));
    } catch (error) {
      process.exitCode = 1;
      process.stderr.write(
        `bench: ${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      rows.push({ section: name, measure: 'FAILED (see stderr)', value: Number.NaN, unit: '' });
    }
  }
} finally {
  if (!labWasUp) await labDown();
}

const table = [
  ['section', 'measure', 'value', 'goal', 'met'],
  ...rows.map((row) => [
    row.section,
    row.measure,
    `${row.value} ${row.unit}`,
    row.goal ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  ]),
];
const widths =
  table[0]?.map((_, column) => Math.max(...table.map((line) => line[column]?.length ?? 0))) ?? [];
process.stdout.write(
  `${table.map((line) => line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).join('\n')}\n`,
);

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, loads, rows }, null, 2)}\n`,
);
process.stderr.write(`bench: wrote ${out}\n`);
