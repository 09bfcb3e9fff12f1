import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfigCommand } from '../../src/cli/commands/check-config-command.js';
import { runCli } from '../../src/cli/run-cli.js';
import { captureIo } from './capture-io.js';

const dir = mkdtempSync(join(tmpdir(), 'samaops-check-config-'));
let files = 0;

function inventoryFile(lines: string[]): string {
  files += 1;
  const file = join(dir, `inventory-${files}.yml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const TEAM = [
  'team:',
  '  - { slackId: U0ALICE001, name: Alice, roles: [support_n1, devops, dba, lead, architect] }',
  '  - { slackId: U0BOB00001, name: Bob, roles: [support_n1, devops, dba, lead, architect] }',
];

describe('samaops check-config on broken inventories', () => {
  it('refuses cron patterns BullMQ refuses, with path, line and the parser’s reason', async () => {
    const file = inventoryFile([
      'locale: en',
      'reports:',
      '  schedules:',
      '    daily: "99 6 * * *"',
      '    weekly: "0 3 * * 8"',
    ]);
    const run = captureIo();
    expect(await runCli(['check-config', '--config', file], run.io)).toBe(78);
    expect(run.stderr()).toContain(
      'reports.schedules.daily (line 4): cron pattern refused by the scheduler (BullMQ)',
    );
    expect(run.stderr()).toContain('expected range 0-59');
    expect(run.stderr()).toContain('reports.schedules.weekly (line 5)');
    expect(run.stderr()).toContain('expected range 0-7');
  });

  it('refuses inverted thresholds, in both directions', async () => {
    const file = inventoryFile([
      'thresholds:',
      '  diskPercent: { warn: 95, fail: 85 }',
      '  cacheHitPercent: { warn: 90, fail: 95 }',
      '  apiLatencyMs: { warn: 500, fail: 500 }',
    ]);
    const run = captureIo();
    expect(await runCli(['check-config', '--config', file], run.io)).toBe(78);
    expect(run.stderr()).toContain(
      'thresholds.diskPercent (ligne 2) : seuils inversés : `warn` 95 doit être inférieur ou égal à `fail` 85',
    );
    expect(run.stderr()).toContain(
      'thresholds.cacheHitPercent (ligne 3) : seuils inversés : `warn` 90 doit être supérieur ou égal à `fail` 95',
    );
    expect(run.stderr()).not.toContain('apiLatencyMs');
  });

  it('lists privateKeyFile once per server when the key cannot be read', async () => {
    const file = inventoryFile([
      'servers:',
      '  - { name: db, role: db, host: 10.0.0.1, user: samaops, privateKeyFile: /nonexistent/key, insecureAcceptAnyHostKey: true }',
    ]);
    const run = captureIo();
    expect(await runCli(['check-config', '--config', file], run.io)).toBe(78);
    expect(run.stderr().match(/privateKeyFile/g)).toHaveLength(1);
  });

  it('reports semantic errors with their YAML line and exits 78; warnings alone exit 1', async () => {
    const broken = inventoryFile([...TEAM, 'reports:', '  pruneImagesOn: [api]']);
    const run = captureIo({ SAMAOPS_LOCALE: 'en' });
    expect(await checkConfigCommand(['--config', broken], run.io)).toBe(78);
    expect(run.stdout()).toContain(': 1 error, 0 warnings');
    expect(run.stderr()).toBe(
      '  error reports.pruneImagesOn[0] (line 5): no server named "api" (known: —)\n',
    );

    const gaps = inventoryFile([
      ...TEAM,
      'escalation:',
      '  levels:',
      '    N1: { roles: [backend] }',
      '  # backend is held by one person, on weekdays',
      'remediations: {}',
    ]);
    const backend = inventoryFile([
      ...TEAM,
      '  - { slackId: U0DEV00001, name: Dev, roles: [backend], availability: { from: "08:00", to: "18:00" } }',
      'escalation: { levels: { N1: { roles: [backend] } } }',
    ]);
    expect(await checkConfigCommand(['--config', gaps], captureIo().io)).toBe(78);
    const warned = captureIo();
    expect(await checkConfigCommand(['--config', backend], warned.io)).toBe(1);
    expect(warned.stdout()).toContain(' : OK, 1 avertissement');
    expect(warned.stderr()).toMatch(
      /^ {2}avertissement escalation\.levels\.N1\.roles \(ligne 5\) : N1 : personne de disponible mon 00:00–08:00/,
    );
  });

  it('shows the next three runs of each report in the inventory’s timezone', async () => {
    const file = inventoryFile([
      ...TEAM,
      'timezone: Africa/Dakar',
      'reports: { schedules: { daily: "30 6 * * *" } }',
    ]);
    const run = captureIo();
    const now = new Date('2026-12-02T08:00:00Z');
    expect(await checkConfigCommand(['--config', file], run.io, now)).toBe(0);
    expect(run.stdout()).toContain(' : OK, 0 avertissement');
    expect(run.stdout()).toMatch(
      /rapport quotidien « 30 6 \* \* \* » : prochains jeu\. 3 déc\.,? 06:30 \| ven\. 4 déc\.,? 06:30 \| sam\. 5 déc\.,? 06:30/,
    );
    expect(run.stdout()).toContain('2 personnes');
    expect(run.stderr()).toBe('');
  });
});
