import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { captureIo } from './capture-io.js';

function inventoryFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'samaops-cli-')), 'inventory.yml');
  writeFileSync(file, text);
  return file;
}

describe('samaops CLI', () => {
  it('lists the valid playbooks and exits 64 for an unknown one, before reading any inventory', async () => {
    const run = captureIo();
    const code = await runCli(['diagnose', 'networking', '--config', '/nonexistent.yml'], run.io);
    expect(code).toBe(64);
    expect(run.stderr()).toContain('playbook inconnu « networking »');
    expect(run.stderr()).toContain('all, api, notifications, db, disk, redis');
  });

  it('prints the package version with --version', async () => {
    const run = captureIo();
    expect(await runCli(['--version'], run.io)).toBe(0);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(run.stdout()).toBe(`samaops ${version}\n`);
  });

  it('exits 64 for an unknown command or option', async () => {
    const unknownCommand = captureIo();
    expect(await runCli(['reboot-everything'], unknownCommand.io)).toBe(64);
    expect(unknownCommand.stderr()).toContain(
      'commandes valides : serve, migrate, wait-ready, diagnose, check-config',
    );
    const unknownOption = captureIo();
    expect(await runCli(['diagnose', '--force'], unknownOption.io)).toBe(64);
  });

  it('exits 78 and prints every inventory error with its path and line', async () => {
    const file = inventoryFile('locale: wolof\nservices:\n  redis: { url: "http://nope" }\n');
    const run = captureIo();
    expect(await runCli(['check-config', '--config', file], run.io)).toBe(78);
    // The file's locale is unusable: problems are told in French, the default, zod's own words too.
    expect(run.stderr()).toContain('samaops : inventaire invalide');
    expect(run.stderr()).toContain('locale (ligne 1)');
    expect(run.stderr()).toContain(
      'services.redis.url (ligne 3) : l’URL doit commencer par redis:// | rediss://',
    );
    const english = captureIo({ SAMAOPS_LOCALE: 'en' });
    expect(await runCli(['check-config', '--config', file], english.io)).toBe(78);
    expect(english.stderr()).toContain('services.redis.url (line 3): the URL must start with redis://');
    const diagnose = captureIo();
    expect(await runCli(['diagnose', '--config', file], diagnose.io)).toBe(78);
    expect(diagnose.stdout()).toBe('');
  });

  it('takes the inventory from SAMAOPS_CONFIG and summarises it', async () => {
    const run = captureIo({ SAMAOPS_CONFIG: 'config/local.yml' });
    expect(await runCli(['check-config'], run.io)).toBe(0);
    expect(run.stdout()).toContain('postgres : 127.0.0.1:5432');
    expect(run.stdout()).not.toContain('guest:guest');
  });

  it('diagnoses the real local PostgreSQL and exits with the Nagios code of the worst check', async () => {
    const file = inventoryFile(
      'locale: en\nservices:\n  postgres: { url: "postgresql://postgres@127.0.0.1:5432/postgres" }\n',
    );
    const run = captureIo();
    const code = await runCli(['diagnose', 'db', '--json', '--config', file], run.io);
    const report = JSON.parse(run.stdout()) as { status: string; checks: { id: string; status: string }[] };
    expect(report.checks.find((check) => check.id === 'postgres.ping')?.status).toBe('ok');
    expect(code).toBe({ ok: 0, warn: 1, fail: 2, unknown: 3 }[report.status]);
  });

  it('reports an unreachable service as a failing check with its reason, exit 2', async () => {
    const file = inventoryFile(
      'locale: en\nservices:\n  postgres: { url: "postgresql://postgres@127.0.0.1:1/postgres" }\n',
    );
    const run = captureIo();
    const code = await runCli(['diagnose', 'db', '--config', file], run.io);
    expect(code).toBe(2);
    expect(run.stdout()).toMatch(/FAIL\s+postgres\.ping/);
    expect(run.stdout()).toContain('ECONNREFUSED');
  });
});
