import { execFile } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { remoteCommandLine } from '../../../src/remote/exec-remote-command.js';
import { partRuleProblem } from '../../../src/remote/fill-form.js';
import { formParts, type PartRule, remoteFormTraits } from '../../../src/remote/remote-forms.js';
import { commandLine } from '../../../src/remote/shell-quote.js';
import { generateWrapper } from '../../../src/remote/wrapper/generate-wrapper.js';
import { shPartCheckFunctions } from '../../../src/remote/wrapper/sh-part-checks.js';
import {
  botWrapperSource,
  formsHash,
  parseVersionLine,
  versionLine,
} from '../../../src/remote/wrapper/wrapper-source.js';
import { sampleCommandOfEachForm } from '../one-command-of-each-form.js';
import { localWrapper, SHELLS } from './local-wrapper.js';

/**
 * samaops-remote as a program, on this machine (the lab tests run it behind a real sshd): it runs
 * exactly what the bot sends, holds every variable part to the inventory's own rules, and runs
 * nothing else.
 */

const wrapper = localWrapper();
afterAll(() => wrapper.remove());

const PATH_RESOLVED: Record<string, string> = { find: '/usr/bin/find', journalctl: '/usr/bin/journalctl' };

describe.each(SHELLS)('samaops-remote under %s', (shell) => {
  it('runs every form the bot builds, with exactly the bot’s argument vector under timeout -k 5', async () => {
    for (const [form, command] of Object.entries(sampleCommandOfEachForm())) {
      const result = await wrapper.run(shell, remoteCommandLine(command, 7000));
      if (form === 'wrapper.version') {
        expect(result).toMatchObject({ code: 0, stdout: `${versionLine()}\n`, stderr: '' });
        expect(result.ran).toBeUndefined();
        continue;
      }
      expect(result.stderr, form).toBe('');
      // A privileged form runs its tool by absolute path (as sudo's rules name it); as root, without sudo.
      const [tool = '', ...args] = command.argv;
      const privileged = remoteFormTraits[command.form].privileged;
      expect(result.ran, form).toEqual([
        '-k',
        '5',
        '7',
        privileged ? (PATH_RESOLVED[tool] ?? tool) : tool,
        ...args,
      ]);
    }
  });

  it('answers --version run by hand, marked unforced, and refuses a session with no command', async () => {
    // By hand, it is not the forced command of the session that ran it, and says so.
    const byHand = await wrapper.run(shell, undefined, ['--version']);
    expect(byHand).toMatchObject({ code: 0, stdout: `${versionLine()} unforced\n` });
    expect(parseVersionLine(byHand.stdout)).toEqual({
      version: botWrapperSource().version,
      hash: formsHash(),
      forced: false,
    });
    expect(parseVersionLine(`${versionLine()}\n`)).toMatchObject({ forced: true });
    const interactive = await wrapper.run(shell, undefined);
    expect(interactive).toMatchObject({ code: 126, stdout: '' });
    expect(interactive.stderr).toBe(
      'samaops-remote: refused: no command: this key runs the samaops forms only\n',
    );
  });

  it('refuses a form without its time limit, another limit, or a limit out of range', async () => {
    for (const command of [
      'docker ps -a --format {{json .}}',
      "timeout -k 9 3 docker ps -a --format '{{json .}}'",
      "timeout -k 5 0 docker ps -a --format '{{json .}}'",
      "timeout -k 5 86401 docker ps -a --format '{{json .}}'",
      "timeout -k 5 03 docker ps -a --format '{{json .}}'",
    ]) {
      const result = await wrapper.run(shell, command);
      expect(result.code, command).toBe(126);
      expect(result.ran, command).toBeUndefined();
      expect(result.stderr.split('\n'), command).toHaveLength(2);
    }
  });
});

/** Values every rule must judge: edges of each rule, and characters no rule allows. */
const EDGE_VALUES = [
  '',
  '.',
  '..',
  '/',
  '//',
  '/..',
  '/a/..',
  '/a/../b',
  '/a/..b',
  '/a/.b',
  '-x',
  '--rm',
  'a',
  'A.b_c-d',
  'a'.repeat(128),
  'a'.repeat(129),
  '*.log',
  'app-?.log',
  '*',
  '0',
  '00',
  '01',
  '1',
  '100',
  '10000',
  '10001',
  '86400',
  '1e3',
  ' 1',
  '+1',
  '-1',
  '/var/log/samaconso',
  '/var/log/*.log',
  '/data/x y',
  'x;y',
  'x$y',
  'x`y',
  'x\\y',
  'x"y',
  'x|y',
  'x\ny',
  'x\ty',
  'é',
  'ｃontainer',
  '/dаta',
];

/** Deterministic pseudo-random values from an alphabet of allowed and forbidden characters. */
function randomValues(count: number): string[] {
  const alphabet = 'aZ09_.-/*?+=:,@% ;$`\'"\\|&()<>~\n\té';
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  return Array.from({ length: count }, () => {
    const length = 1 + (next() % 8);
    const start = next() % 3 === 0 ? '/' : '';
    return start + Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
  });
}

/** The sh test of each rule, as the script calls it. */
const RULE_CALLS: { rule: PartRule; call: string }[] = [
  { rule: formParts.container, call: 'is_name "$v"' },
  { rule: formParts.mountPoint, call: 'is_path "$v"' },
  { rule: formParts.logFilePattern, call: 'is_file_pattern "$v"' },
  { rule: formParts.lines, call: 'is_integer "$v" 1 10000' },
  { rule: formParts.replicas, call: 'is_integer "$v" 0 100' },
];

/** Runs the script's own check functions over `values` in one shell: 1 for each accepted value, 0 otherwise. */
function judge(shell: string, call: string, values: string[]): Promise<string[]> {
  const script = `${shPartCheckFunctions()}\nfor v in "$@"; do if ${call}; then echo 1; else echo 0; fi; done`;
  return new Promise((resolve, reject) => {
    execFile(
      shell,
      ['-c', script, 'judge', ...values],
      { env: { LC_ALL: 'C', PATH: '/usr/bin:/bin' } },
      (error, stdout) => (error ? reject(error) : resolve(stdout.trimEnd().split('\n'))),
    );
  });
}

describe('the part rules on the server and on the bot', () => {
  const values = [...EDGE_VALUES, ...randomValues(200)];

  it.each(SHELLS)('accept and refuse the same values under %s', async (shell) => {
    for (const { rule, call } of RULE_CALLS) {
      const verdicts = await judge(shell, call, values);
      const disagreements = values.filter(
        (value, index) => (verdicts[index] === '1') !== (partRuleProblem(rule, value) === undefined),
      );
      expect({ rule, disagreements }).toEqual({ rule, disagreements: [] });
    }
  });

  it.each(SHELLS)(
    'hold through the whole script under %s: quoting, spaces and newlines cannot slip a value by',
    async (shell) => {
      const restart = (value: string) => commandLine(['timeout', '-k', '5', '3', 'docker', 'restart', value]);
      for (const value of ['samaconso_api_1', '', 'a b', "a'b", 'a\nb', '-rm', 'a;b', 'é']) {
        const result = await wrapper.run(shell, restart(value));
        const accepted = partRuleProblem(formParts.container, value) === undefined;
        expect({ value, code: result.code, ran: result.ran }).toEqual(
          accepted
            ? { value, code: 0, ran: ['-k', '5', '3', 'docker', 'restart', value] }
            : { value, code: 126, ran: undefined },
        );
      }
    },
  );
});

describe('the generated script', () => {
  it('carries its version and the hash of the forms table, which changes with the table', () => {
    const script = generateWrapper();
    const source = botWrapperSource();
    expect(script).toContain(`# version ${source.version}\n`);
    expect(script).toContain(`# forms ${formsHash()}\n`);
    expect(formsHash()).toMatch(/^sha256:[0-9a-f]{64}$/);
    const older = { ...source, forms: { ...source.forms, 'docker.logs': ['docker', 'logs', '<container>'] } };
    expect(formsHash(older)).not.toBe(formsHash());
    expect(generateWrapper({ source: older })).toContain(`# forms ${formsHash(older)}\n`);
  });

  it('never evaluates what it reads: no eval, no shell of it, the command only split and compared', () => {
    const lines = generateWrapper().split('\n');
    expect(lines.filter((line) => /\beval\b|\b(sh|bash|dash) -c\b|\bsource\b|^\s*\. /.test(line))).toEqual(
      [],
    );
    expect(lines.filter((line) => line.includes('SSH_ORIGINAL_COMMAND') && !line.startsWith('#'))).toEqual([
      'if [ "${SSH_ORIGINAL_COMMAND+set}" != set ]; then',
      'command=$SSH_ORIGINAL_COMMAND',
    ]);
    // Every form runs from words written in the script and checked variables, under the time limit.
    const runs = lines.filter((line) => /^\s*(exec|run_privileged) /.test(line));
    expect(runs.length).toBeGreaterThan(15);
    for (const line of runs) expect(line).not.toMatch(/\$(command|rest|word|w)\b/);
  });

  it('refuses to generate from a table whose forms cannot be told apart', () => {
    const source = botWrapperSource();
    const clash = {
      ...source,
      forms: { ...source.forms, 'docker.stop': ['docker', 'restart', '<container>'] },
    };
    expect(() => generateWrapper({ source: clash })).toThrow(/cannot be told apart/);
  });
});
