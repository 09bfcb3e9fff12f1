import { describe, expect, it } from 'vitest';
import { cliCommandNames } from '../../src/cli/command-help.js';
import { runCli } from '../../src/cli/run-cli.js';
import { captureIo } from './capture-io.js';

describe('samaops help and usage errors', () => {
  it('prints the usage to stderr and exits 64 when given no command', async () => {
    const run = captureIo();
    expect(await runCli([], run.io)).toBe(64);
    expect(run.stdout()).toBe('');
    expect(run.stderr()).toMatch(/^usage : samaops <commande> \[options\]\n/);
  });

  it('prints the usage to stdout and exits 0 when asked for it', async () => {
    for (const ask of ['--help', '-h', 'help']) {
      const run = captureIo();
      expect(await runCli([ask], run.io)).toBe(0);
      expect(run.stdout()).toContain('check-config');
      expect(run.stderr()).toBe('');
    }
  });

  it.each(cliCommandNames)(
    'answers `samaops %s --help` with its usage and options, reading no inventory',
    async (name) => {
      const run = captureIo({ SAMAOPS_CONFIG: '/nonexistent/samaops.yml' });
      expect(await runCli([name, '--help'], run.io)).toBe(0);
      expect(run.stdout()).toMatch(new RegExp(`^usage : samaops ${name}`));
      expect(run.stdout()).toContain('--help');
      expect(run.stderr()).toBe('');
    },
  );

  it('names the one wrong thing and shows that command’s usage line only', async () => {
    const run = captureIo();
    expect(await runCli(['diagnose', '--force'], run.io)).toBe(64);
    expect(run.stderr()).toBe(
      'samaops : option inconnue « --force »\nusage : samaops diagnose [playbook] [--json] [--config FILE]\n',
    );
    const report = captureIo({ SAMAOPS_LOCALE: 'en' });
    expect(await runCli(['report', 'yearly'], report.io)).toBe(64);
    expect(report.stderr()).toBe(
      'samaops: report takes one report kind: daily, weekly, monthly\nusage: samaops report daily|weekly|monthly [--json] [--chart FILE] [--config FILE]\n',
    );
    const missing = captureIo();
    expect(await runCli(['check-config', '--config'], missing.io)).toBe(64);
    expect(missing.stderr()).toContain('samaops : valeur manquante ou invalide pour l’option « --config »');
  });

  it('treats --help after -- as an argument', async () => {
    const run = captureIo();
    expect(await runCli(['diagnose', '--', '--help'], run.io)).toBe(64);
    expect(run.stderr()).toContain('playbook inconnu « --help »');
  });

  it('speaks English with SAMAOPS_LOCALE=en, and no English in French', async () => {
    const english = captureIo({ SAMAOPS_LOCALE: 'en' });
    await runCli(['--help'], english.io);
    expect(english.stdout()).toContain('exit codes: 0 ok, 1 warn');
    const french = captureIo();
    await runCli(['--help'], french.io);
    const prose = french.stdout().replace(/`[^`]*`/g, '');
    expect(prose).not.toMatch(/\b(the|and|run|print|show|exit|command|report now|when)\b/i);
  });

  it('takes --locale anywhere before --, over SAMAOPS_LOCALE, and refuses another language', async () => {
    const english = captureIo({ SAMAOPS_LOCALE: 'fr' });
    expect(await runCli(['--locale', 'en', 'diagnose', '--help'], english.io)).toBe(0);
    expect(english.stdout()).toMatch(/^usage: samaops diagnose/);
    expect(english.stdout()).toContain('--locale fr|en');
    const after = captureIo();
    expect(await runCli(['report', 'yearly', '--locale=en'], after.io)).toBe(64);
    expect(after.stderr()).toContain('samaops: report takes one report kind');
    const wrong = captureIo();
    expect(await runCli(['--locale', 'wo', 'diagnose'], wrong.io)).toBe(64);
    expect(wrong.stderr()).toBe(
      'samaops : « --locale » prend fr ou en, pas « wo »\nusage : samaops <commande> [options]\n',
    );
    const argument = captureIo();
    expect(await runCli(['diagnose', '--', '--locale'], argument.io)).toBe(64);
    expect(argument.stderr()).toContain('playbook inconnu « --locale »');
  });
});
