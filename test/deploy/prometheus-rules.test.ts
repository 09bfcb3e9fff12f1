import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMetrics } from '../../src/observability/metrics.js';

const run = promisify(execFile);
const RULES = 'deploy/prometheus/samaops-rules.yml';
/**
 * prom-client's default `nodejs_active_*_total` gauges, whose names dashboards rely on; promtool
 * flags their suffix. Every other line of its lint is a problem of ours.
 */
const PROM_CLIENT_KNOWN =
  /^nodejs_active_(handles|requests|resources)_total non-counter metrics should not have "_total" suffix$/;
/** Series Prometheus makes itself, not the bot. */
const PROMETHEUS_OWN = new Set(['up']);

interface RuleFile {
  groups: { name: string; rules: { alert: string; expr: string; labels: Record<string, string> }[] }[];
}

/** The metric names an expression reads (functions and label names left out). */
function metricNames(expr: string): string[] {
  const withoutLabels = expr.replace(/\{[^}]*\}/g, ' ');
  const words = withoutLabels.match(/[a-z_][a-z0-9_]*(?=\s*(?:$|[^a-z0-9_(]))/gi) ?? [];
  const keywords = new Set(['or', 'and', 'unless', 'by', 'without', 'on', 'ignoring']);
  return words.filter((word) => !keywords.has(word) && !/^\d/.test(word));
}

describe(RULES, () => {
  it('is YAML whose alerts read only metrics the bot exposes (or Prometheus makes)', async () => {
    const file = parse(readFileSync(RULES, 'utf8')) as RuleFile;
    const rules = file.groups.flatMap((group) => group.rules);
    expect(rules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining([
        'SamaopsDown',
        'SamaopsMetricsAbsent',
        'SamaopsOutboxStuck',
        'SamaopsWatchStale',
      ]),
    );
    const exposed = await createMetrics().registry.getMetricsAsJSON();
    const names = new Set([...exposed.map((metric) => metric.name), ...PROMETHEUS_OWN]);
    const read = rules.flatMap((rule) => metricNames(rule.expr));
    expect(read).toEqual(expect.arrayContaining(['up', 'samaops_outbox_oldest_pending_seconds']));
    expect(read.filter((name) => !names.has(name))).toEqual([]);
    for (const rule of rules) expect(['critical', 'warning']).toContain(rule.labels.severity);
  });

  it('passes promtool check rules', async () => {
    const { stdout } = await run('promtool', ['check', 'rules', RULES]);
    expect(stdout).toContain('SUCCESS: 5 rules found');
  });

  it("lints the bot's /metrics text with promtool check metrics", async () => {
    const metrics = createMetrics();
    metrics.alertsReceived('alertmanager', 3);
    const dir = mkdtempSync(join(tmpdir(), 'samaops-metrics-'));
    try {
      const file = join(dir, 'metrics.txt');
      writeFileSync(file, await metrics.registry.metrics());
      // promtool reads the exposition on stdin; a problem is printed and exits 1.
      const output = await run('sh', ['-c', `promtool check metrics < ${file} 2>&1`]).then(
        ({ stdout }) => stdout,
        (error: { stdout?: string }) => error.stdout ?? String(error),
      );
      const problems = output
        .split('\n')
        .filter((line) => line.trim() !== '' && !PROM_CLIENT_KNOWN.test(line));
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
