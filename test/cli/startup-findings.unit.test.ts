import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { checkFindingsAtStartup } from '../../src/config/findings/startup-findings.js';
import { loadInventory } from '../../src/config/load-inventory.js';
import { captureIo } from './capture-io.js';

const dir = mkdtempSync(join(tmpdir(), 'samaops-startup-findings-'));

function inventoryFile(name: string, lines: string[]): string {
  const file = join(dir, `${name}.yml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const ALL_ROLES = '[support_n1, devops, dba, lead, architect]';

describe('check-config’s findings at the bot’s start-up', () => {
  it('stop `samaops serve` with exit 78 when one is an error, each with its path and line', async () => {
    // One DevOps person: N1 and N3 reach nobody, the two-approver rules cannot be met.
    const file = inventoryFile('alone', [
      'team:',
      '  - { slackId: U0ALICE001, name: Alice, roles: [devops] }',
    ]);
    const run = captureIo({ SAMAOPS_CONFIG: file, SAMAOPS_MODE: 'console' });
    expect(await runCli(['serve', '--script', '/sama help'], run.io)).toBe(78);
    const lines = run.stderr().trim().split('\n');
    expect(lines[0]).toBe(
      `samaops : le bot ne démarre pas, l’inventaire ${file} a 4 erreurs (\`samaops check-config\` les détaille)`,
    );
    expect(lines).toContain(
      '  escalation.levels.N1.roles (ligne 1) : N1 : personne dans l’équipe n’a les rôles support_n1 ; une alerte n’appellerait personne',
    );
    expect(lines.filter((line) => line.includes('approverRoles'))).toHaveLength(2);
    expect(run.stdout()).toBe('');
    const english = captureIo({ SAMAOPS_CONFIG: file, SAMAOPS_MODE: 'console' });
    expect(await runCli(['--locale', 'en', 'serve', '--script', '/sama help'], english.io)).toBe(78);
    expect(english.stderr()).toContain('samaops: the bot does not start, the inventory');
  });

  it('leave warnings to the log, and nothing at all for a team that covers everything', () => {
    const gap = inventoryFile('gap', [
      'team:',
      `  - { slackId: U0ALICE001, name: Alice, roles: ${ALL_ROLES} }`,
      `  - { slackId: U0BOB00001, name: Bob, roles: ${ALL_ROLES}, availability: { from: "08:00", to: "18:00" } }`,
    ]);
    expect(checkFindingsAtStartup(loadInventory(gap, {}), gap)).toEqual([]);
    const office = inventoryFile('office', [
      'team:',
      `  - { slackId: U0ALICE001, name: Alice, roles: ${ALL_ROLES}, availability: { from: "08:00", to: "18:00" } }`,
      `  - { slackId: U0BOB00001, name: Bob, roles: ${ALL_ROLES}, availability: { from: "08:00", to: "20:00" } }`,
    ]);
    const warnings = checkFindingsAtStartup(loadInventory(office, {}), office);
    expect(warnings.map((warning) => warning.path)).toEqual([
      'escalation.levels.N1.roles',
      'escalation.levels.N2.roles',
      'escalation.levels.N3.roles',
    ]);
    expect(warnings[0]?.text).toMatch(/^N1 : personne de disponible .*sat 00:00–24:00/);
  });
});
