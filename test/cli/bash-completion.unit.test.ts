import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliCommandNames } from '../../src/cli/command-help.js';
import { runCli } from '../../src/cli/run-cli.js';
import { playbookIds } from '../../src/playbooks/diagnose-playbooks.js';
import { reportKinds } from '../../src/reports/report-model.js';
import { captureIo } from './capture-io.js';

/** The script samaops prints, as a user would get it. */
async function script(): Promise<string> {
  const run = captureIo();
  expect(await runCli(['completion', 'bash'], run.io)).toBe(0);
  expect(run.stderr()).toBe('');
  return run.stdout();
}

/**
 * Runs bash with the script sourced, then completes each line as bash would after a TAB: the line's
 * words in COMP_WORDS, the cursor on the last one (COMP_CWORD), the function `complete -p` names.
 */
function complete(source: string, lines: string[][], cwd = '/'): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'samaops-completion-'));
  const file = join(dir, 'samaops.bash');
  writeFileSync(file, source);
  const calls = lines.map((words) => {
    const quoted = words.map((word) => `'${word}'`).join(' ');
    return `COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; COMP_LINE="\${COMP_WORDS[*]}"; "$fn"; printf '%s\\n' "\${COMPREPLY[*]}"`;
  });
  const program = [
    `source '${file}'`,
    // The function bash would call for `samaops`, as `complete -p` reports it.
    `fn=$(complete -p samaops | sed -E 's/.*-F ([^ ]+) .*/\\1/')`,
    ...calls,
  ].join('\n');
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', program], { cwd }).toString('utf8');
  return out
    .split('\n')
    .slice(0, lines.length)
    .map((line) => line.split(' ').filter(Boolean).sort());
}

describe('samaops completion bash', () => {
  it('registers a completion function for samaops', async () => {
    const out = execFileSync('bash', [
      '--norc',
      '--noprofile',
      '-c',
      `${await script()}\ncomplete -p samaops`,
    ]);
    expect(out.toString('utf8')).toMatch(/^complete -F _samaops samaops$/m);
  });

  it('completes commands, playbooks, report kinds and sub-commands from the help tables', async () => {
    const source = await script();
    const [commands, d, playbooks, reports, audit, shells, wrapperOptions] = complete(source, [
      ['samaops', ''],
      ['samaops', 'd'],
      ['samaops', 'diagnose', ''],
      ['samaops', 'report', ''],
      ['samaops', 'audit', 'v'],
      ['samaops', 'completion', ''],
      ['samaops', 'ssh-wrapper', '--s'],
    ]);
    expect(commands).toEqual([...cliCommandNames, '--help', '--locale', '--version'].sort());
    expect(d).toEqual(['diagnose']);
    expect(playbooks).toEqual([...playbookIds].sort());
    expect(reports).toEqual([...reportKinds].sort());
    expect(audit).toEqual(['verify']);
    expect(shells).toEqual(['bash']);
    expect(wrapperOptions).toEqual(['--server', '--sudoers']);
  });

  it('completes options, option values and nothing past the first argument', async () => {
    const source = await script();
    const dir = mkdtempSync(join(tmpdir(), 'samaops-completion-cwd-'));
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config', 'samaops.yml'), '');
    const [options, locales, afterLocale, file, afterConfig, second] = complete(
      source,
      [
        ['samaops', 'report', '--'],
        ['samaops', '--locale', ''],
        ['samaops', '--locale', 'en', 'rep'],
        ['samaops', 'diagnose', '--config', 'config/sa'],
        ['samaops', 'diagnose', '--config', 'config/samaops.yml', 'r'],
        ['samaops', 'report', 'daily', ''],
      ],
      dir,
    );
    expect(options).toEqual(['--chart', '--config', '--help', '--json', '--locale']);
    expect(locales).toEqual(['en', 'fr']);
    expect(afterLocale).toEqual(['report']);
    expect(file).toEqual(['config/samaops.yml']);
    expect(afterConfig).toEqual(['redis']);
    expect(second).toEqual([]);
  });

  it('refuses a shell it does not support, naming bash', async () => {
    const run = captureIo();
    expect(await runCli(['completion', 'zsh'], run.io)).toBe(64);
    expect(run.stderr()).toBe(
      'samaops : completion prend le nom d’un shell : bash\nusage : samaops completion bash\n',
    );
  });
});
