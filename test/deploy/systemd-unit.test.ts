import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDebianPackages } from '../support/debian-packages.js';

const run = promisify(execFile);
const UNIT = 'deploy/samaops.service';
/** `systemd-analyze security` grades 0 (locked down) to 10; up to 2.0 it says "OK". */
const MAX_EXPOSURE = 2;

/** The unit's `Key=value` lines, comments left out. */
function directives(): string[] {
  return readFileSync(UNIT, 'utf8')
    .split('\n')
    .filter((line) => /^[A-Za-z]+=/.test(line));
}

// No systemd runs on this machine: systemd-analyze reads the unit file offline.
beforeAll(() => ensureDebianPackages({ systemd: '/usr/bin/systemd-analyze' }));

describe('deploy/samaops.service', () => {
  it('passes systemd-analyze verify without a warning', async () => {
    const { stdout, stderr } = await run('systemd-analyze', ['verify', UNIT]);
    expect({ stdout, stderr }).toEqual({ stdout: '', stderr: '' });
  });

  it('is graded OK by systemd-analyze security', async () => {
    const { stdout } = await run('systemd-analyze', ['security', '--offline=true', '--no-pager', UNIT]);
    const exposure = Number(/Overall exposure level for samaops\.service: ([\d.]+)/.exec(stdout)?.[1]);
    expect(exposure).toBeLessThanOrEqual(MAX_EXPOSURE);
  });

  it('runs the bot as its own user from /etc/samaops/env, migrates first, waits for /ready, restarts on failure', () => {
    const lines = directives();
    const bin = '/usr/bin/node /opt/samaops/current/node_modules/samaops/bin/samaops.js';
    expect(lines).toEqual(
      expect.arrayContaining([
        'User=samaops',
        'EnvironmentFile=/etc/samaops/env',
        // One event loop needs few malloc arenas: less resident memory (the benches read it).
        'Environment=MALLOC_ARENA_MAX=2',
        `ExecStartPre=${bin} migrate`,
        // The bot's heap kept near what is live (the deployed-bot bench reads these flags).
        'ExecStart=/usr/bin/node --optimize-for-size /opt/samaops/current/node_modules/samaops/bin/samaops.js serve',
        expect.stringMatching(new RegExp(`^ExecStartPost=${bin} wait-ready`)),
        'Restart=on-failure',
        'RestartPreventExitStatus=78',
        'NoNewPrivileges=yes',
        'ProtectSystem=strict',
        'PrivateTmp=yes',
      ]),
    );
    // V8's JIT writes executable memory: this setting would crash node at start.
    expect(lines.some((line) => line.startsWith('MemoryDenyWriteExecute='))).toBe(false);
  });
});
