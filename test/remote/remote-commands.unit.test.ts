import { describe, expect, it } from 'vitest';
import { parseWord } from '../../src/remote/fill-form.js';
import {
  countLogErrors,
  diskUsage,
  dockerLogs,
  dockerRestart,
  dockerRestartCounts,
  type RemoteCommand,
  remoteCommandForms,
} from '../../src/remote/remote-commands.js';
import { isRemoteError } from '../../src/remote/remote-error.js';
import { sampleCommandOfEachForm, sampleInventory } from './one-command-of-each-form.js';

const [server] = sampleInventory().servers;
if (!server) throw new Error('the sample inventory has its server');

/** True when `argv` is an instance of its form: literals equal, `<x>` filled in, `<x>...` the rest. */
function matchesForm(command: RemoteCommand): boolean {
  const words = remoteCommandForms[command.form].map((word) => parseWord(word));
  const repeated = words.at(-1)?.repeated;
  const fixed = repeated ? words.slice(0, -1) : words;
  if (repeated ? command.argv.length <= fixed.length : command.argv.length !== fixed.length) return false;
  return fixed.every(({ pieces }, index) => {
    const pattern = pieces
      .map((piece) => (typeof piece === 'string' ? piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '.+'))
      .join('');
    return new RegExp(`^${pattern}$`).test(command.argv[index] ?? '');
  });
}

function refusal(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (isRemoteError(error, 'REMOTE_ARGUMENT_REFUSED')) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('remote commands', () => {
  it('builds only the fixed forms listed for the server-side allow-list', () => {
    const built = Object.values(sampleCommandOfEachForm());
    for (const command of built) expect(matchesForm(command), command.form).toBe(true);
    expect(new Set(built.map((command) => command.form))).toEqual(new Set(Object.keys(remoteCommandForms)));
    expect(diskUsage(server, ['/data']).argv).toEqual(['df', '-P', '--', '/data']);
    expect(countLogErrors(server, '/var/log/samaconso/*.log').argv.slice(0, 8)).toEqual([
      'find',
      '/var/log/samaconso',
      '-maxdepth',
      '1',
      '-type',
      'f',
      '-name',
      '*.log',
    ]);
  });

  it('refuses an injection attempt in every identifier position, naming the server', () => {
    const attempts = [
      () => dockerRestart(server, 'x; touch /tmp/pwned'),
      () => dockerLogs(server, '$(touch /tmp/pwned)', 10),
      () => dockerRestartCounts(server, ['samaconso_api_1', '`reboot`']),
      () => diskUsage(server, ['/data/$(touch /tmp/pwned)']),
      () => diskUsage(server, ['/data; reboot']),
      () => diskUsage(server, ['/data/../etc']),
      () => countLogErrors(server, '/var/log/*.log; reboot'),
      () => countLogErrors(server, '/var/log/samaconso/*.log -exec rm {} +'),
      () => dockerLogs(server, 'samaconso_api_1', Number.NaN),
      () => dockerRestart(server, '--rm'),
    ];
    for (const attempt of attempts) expect(refusal(attempt)).toMatch(/refused on api/);
    // The schema's messages are catalogue keys; the SSH layer says them in words.
    expect(refusal(() => diskUsage(server, ['/data/../etc']))).toContain('must not contain ".."');
    expect(refusal(() => dockerRestart(server, '--rm'))).not.toContain('config.');
  });

  it('refuses well-formed identifiers that are not in the server allow-lists', () => {
    expect(refusal(() => dockerRestart(server, 'postgres'))).toMatch(
      /not in the inventory's containers list/,
    );
    expect(refusal(() => diskUsage(server, ['/var']))).toMatch(/mountPoints list/);
    expect(refusal(() => countLogErrors(server, '/var/log/*.log'))).toMatch(/logGlobs list/);
    expect(refusal(() => diskUsage(server, []))).toMatch(/at least one/);
  });
});
