import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeSSH } from 'node-ssh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../checks/services/free-port.js';
import { type LabSession, openLabSession } from '../lab/lab-session.js';
import { syslogLines } from '../lab/lab-syslog.js';
import { hostPaths, labHosts } from '../lab/lab-topology.js';
import { eventually } from '../support/eventually.js';
import { nulAttempt } from '../support/injection-corpus.js';
import { sshHostPaths } from '../support/ssh-host.js';
import { inventorySudoers } from '../support/sudoers.js';
import { labHostState, labKeyClient } from './key-misuse.js';
import { forwardPort, type PlainSsh, runProgram } from './plain-ssh.js';

/**
 * The bot's key used by hand (plain ssh, scp, sftp, ssh2) on the lab's real sshd, beyond commands:
 * a NUL byte, a port forward, a file copy. Each is refused and logged, and changes nothing. And the
 * sudo rules that give the non-root login its three privileged forms, and nothing near them.
 */

let lab: LabSession;
let client: PlainSsh;
const tag = randomBytes(4).toString('hex');
const dir = mkdtempSync(join(tmpdir(), 'samaops-channels-'));
const marker = `/tmp/samaops-pwned-${tag}`;
const host = 'api';
const refusals = () => syslogLines('samaops-remote');
const hostNow = () => labHostState(host, marker);

beforeAll(async () => {
  lab = await openLabSession();
  client = labKeyClient(host, dir);
}, 90_000);

afterAll(async () => {
  await client?.close();
  rmSync(marker, { force: true });
  rmSync(dir, { recursive: true, force: true });
  await lab?.close();
}, 60_000);

describe('the bot’s key used by hand, beyond commands', () => {
  it('cannot send a NUL byte: sshd refuses the request and logs it; nothing runs', async () => {
    const state = hostNow();
    const ssh = new NodeSSH();
    const { sshStateDir } = hostPaths(host);
    await ssh.connect({
      host: labHosts[host].address,
      port: labHosts[host].sshPort,
      username: 'samaops',
      privateKey: readFileSync(sshHostPaths(sshStateDir).clientKey, 'utf8'),
    });
    try {
      const outcome = await new Promise<string>((resolve) => {
        const connection = ssh.connection as unknown as {
          exec(
            command: string,
            callback: (
              error: Error | undefined,
              channel: { on(e: string, f: (code?: number) => void): void },
            ) => void,
          ): void;
        };
        connection.exec(
          `timeout -k 5 3 docker restart samaconso_api_1${nulAttempt(marker)}`,
          (error, channel) => {
            if (error) return resolve(`refused: ${error.message}`);
            channel.on('exit', (code) => resolve(`exit ${code}`));
          },
        );
      });
      expect(outcome).toMatch(/^refused|^exit 126$/);
    } finally {
      ssh.dispose();
    }
    const log = readFileSync(join(sshStateDir, 'sshd.log'), 'utf8');
    expect(log).toMatch(/session_exec_req: .*invalid format/);
    expect(hostNow()).toEqual(state);
  });

  it('forwards no port (-L): the connection is refused and sshd logs it', async () => {
    const port = await freePort();
    const api = new URL('http://127.0.0.3:8001');
    const forward = forwardPort(client, `127.0.0.1:${port}:${api.hostname}:${api.port}`);
    try {
      await eventually(
        'the client listening on its forwarded port',
        () =>
          new Promise<boolean>((resolve) => {
            const probe = connect({ host: '127.0.0.1', port }, () => {
              probe.destroy();
              resolve(true);
            });
            probe.on('error', () => resolve(false));
          }),
      );
      const answer = await new Promise<string>((resolve) => {
        let received = '';
        const socket = connect({ host: '127.0.0.1', port }, () =>
          socket.write('GET /health HTTP/1.0\r\n\r\n'),
        );
        socket.on('data', (chunk) => {
          received += chunk;
        });
        socket.on('error', () => resolve(received));
        socket.on('close', () => resolve(received));
      });
      expect(answer).toBe('');
      const log = readFileSync(join(hostPaths(host).sshStateDir, 'sshd.log'), 'utf8');
      expect(log).toContain(`refused local port forward: originator 127.0.0.1`);
      expect(log).toContain(`target ${api.hostname} port ${api.port}`);
    } finally {
      forward.kill();
    }
  });

  it('copies no file: scp (sftp and legacy protocol) and sftp are refused and logged', async () => {
    const before = refusals().length;
    const source = join(dir, 'payload');
    writeFileSync(source, 'payload\n');
    chmodSync(source, 0o644);
    const targets = [`/tmp/samaops-scp-${tag}`, `/tmp/samaops-scp-legacy-${tag}`, `/tmp/samaops-sftp-${tag}`];
    const [scpTarget = '', legacyTarget = '', sftpTarget = ''] = targets;
    const scp = await runProgram('scp', [...client.options, source, `${client.destination()}:${scpTarget}`]);
    const legacy = await runProgram('scp', [
      '-O',
      ...client.options,
      source,
      `${client.destination()}:${legacyTarget}`,
    ]);
    const sftp = await runProgram(
      'sftp',
      ['-b', '-', ...client.options, client.destination()],
      30_000,
      `put ${source} ${sftpTarget}\n`,
    );
    for (const result of [scp, legacy, sftp]) expect(result.code).not.toBe(0);
    for (const target of targets) expect(existsSync(target), target).toBe(false);
    const logged = refusals().slice(before);
    expect(logged.filter((line) => line.endsWith(': /usr/lib/openssh/sftp-server'))).toHaveLength(2);
    expect(logged.some((line) => line.endsWith(`: scp -t ${legacyTarget}`))).toBe(true);
  });
});

describe('the sudo rules', () => {
  it('pass visudo -c, and allow exactly the commands the bot sends, not a neighbour', async () => {
    const text = inventorySudoers(lab.inventory);
    const file = join(dir, 'sudoers');
    writeFileSync(file, text, { mode: 0o440 });
    expect(execFileSync('visudo', ['-c', '-f', file], { encoding: 'utf8' })).toContain('parsed OK');
    const asLogin = (args: string[]) =>
      runProgram('runuser', ['-u', 'samaops', '--', 'sudo', '-n', '-l', ...args]);
    // The lab's own rules (lab up installs them): journald's vacuum with the inventory's retention.
    const days = lab.inventory.remediationTargets.journaldDays;
    expect((await asLogin(['/usr/bin/journalctl', `--vacuum-time=${days}d`])).code).toBe(0);
    for (const neighbour of [
      ['/usr/bin/journalctl', `--vacuum-time=${days + 1}d`],
      ['/usr/bin/journalctl', `--vacuum-time=${days}d`, '--rotate'],
      ['/usr/bin/journalctl', '--vacuum-size=1K'],
      ['/usr/bin/find', '/', '-type', 'f', '-mtime', '+30', '-delete', '-printf', '%s\\n'],
      ['/bin/sh'],
    ])
      expect((await asLogin(neighbour)).code, neighbour.join(' ')).not.toBe(0);
  });
});
