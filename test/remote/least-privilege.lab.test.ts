import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIds } from '../../src/checks/check.js';
import type { Inventory, Server } from '../../src/config/schema.js';
import type { FormPart, RemoteCommandForm } from '../../src/remote/remote-forms.js';
import { versionLine } from '../../src/remote/wrapper/wrapper-source.js';
import { containerStatus, waitHealthy } from '../lab/lab-containers.js';
import { type LabSession, openLabSession } from '../lab/lab-session.js';
import { syslogLines } from '../lab/lab-syslog.js';
import { hostPaths, LAB_AUTH_LOG } from '../lab/lab-topology.js';
import { installSudoers, inventorySudoers } from '../support/sudoers.js';
import { type Attempt, labHostState, labKeyClient, loggedForm, spliceAttempts } from './key-misuse.js';
import { oneCommandOfEachForm } from './one-command-of-each-form.js';
import type { PlainSsh } from './plain-ssh.js';

/**
 * Least privilege on the lab's real sshd: the bot's key logs in as the non-root samaops and runs
 * only samaops-remote. Everything the bot sends passes; the same key used by hand, bypassing the
 * bot, runs nothing else: each attempt is refused, logged, and leaves the host as it was.
 */

let lab: LabSession;
let client: PlainSsh;
const tag = randomBytes(4).toString('hex');
const dir = mkdtempSync(join(tmpdir(), 'samaops-key-'));
// Where an attempt that got through would leave its mark: a place the bot's login may write.
const marker = `/tmp/samaops-pwned-${tag}`;
const host = 'api';
const backupDir = join(hostPaths(host).dataMount, `backups-${tag}`);
const refusals = () => syslogLines('samaops-remote');
const hostNow = () => labHostState(host, marker, [backupDir]);

function serverNamed(name: string): Server {
  const server = lab.inventory.servers.find((each) => each.name === name);
  if (!server) throw new Error(`no server ${name} in the lab inventory`);
  return server;
}

beforeAll(async () => {
  lab = await openLabSession();
  mkdirSync(backupDir, { recursive: true });
  client = labKeyClient(host, dir);
}, 90_000);

afterAll(async () => {
  await client?.close();
  rmSync(backupDir, { recursive: true, force: true });
  rmSync(marker, { force: true });
  rmSync(dir, { recursive: true, force: true });
  await lab?.close();
}, 60_000);

describe('what the bot sends', () => {
  it('passes through samaops-remote: one command of every form, and every check', async () => {
    const before = refusals().length;
    const old = join(backupDir, 'samaconso-old.sql.gz');
    writeFileSync(old, 'x'.repeat(1000));
    execFileSync('touch', ['-d', '40 days ago', old]);
    const oldLog = join(hostPaths(host).logDir, `old-${tag}.log`);
    writeFileSync(oldLog, 'INFO served\n'.repeat(100));
    execFileSync('touch', ['-d', '10 days ago', oldLog]);
    const inventory: Inventory = {
      ...lab.inventory,
      reports: {
        ...lab.inventory.reports,
        backups: [{ server: host, directory: backupDir, deleteOld: true }],
        gzipLogsOn: [host],
      },
    };
    const removeSudoers = installSudoers(`samaops-test-forms-${tag}`, inventorySudoers(inventory));
    const restarted = containerStatus().find((each) => each.name === 'samaconso_api_2')?.pid;
    try {
      const commands = oneCommandOfEachForm(inventory, serverNamed(host), serverNamed('workers'), backupDir);
      const outputs = new Map<RemoteCommandForm, Awaited<ReturnType<typeof lab.clients.ssh.run>>>();
      for (const [form, { server, command }] of Object.entries(commands) as [
        RemoteCommandForm,
        (typeof commands)[RemoteCommandForm],
      ][]) {
        const output = await lab.clients.ssh.run(server, command, AbortSignal.timeout(60_000), 30_000);
        // Neither refused (126) nor missing (127): the form ran, whatever its own exit code.
        expect({
          form,
          wrapper: output.stderr.includes('samaops-remote'),
          refusedOrMissing: [126, 127].includes(output.code ?? 0),
        }).toEqual({
          form,
          wrapper: false,
          refusedOrMissing: false,
        });
        outputs.set(form, output);
      }
      expect(outputs.get('wrapper.version')?.stdout).toBe(`${versionLine()}\n`);
      expect(outputs.get('docker.ps')?.stdout).toContain('"Names":"samaconso_api_1"');
      expect(outputs.get('journald.vacuum')?.code).toBe(0);
      expect(outputs.get('files.delete_old_backups')?.numbers).toMatchObject({ count: 1, sum: 1000 });
      expect(existsSync(old)).toBe(false);
      expect(existsSync(`${oldLog}.gz`)).toBe(true);
      expect(containerStatus().find((each) => each.name === 'samaconso_api_2')?.pid).not.toBe(restarted);
      await waitHealthy('samaconso_api_2');

      const results = await lab.run(checkIds);
      expect(results.filter((result) => result.data?.code === 126)).toEqual([]);
      expect(refusals().slice(before)).toEqual([]);
    } finally {
      removeSudoers();
      rmSync(`${oldLog}.gz`, { force: true });
      rmSync(oldLog, { force: true });
    }
  }, 120_000);
});

/** One refused attempt: exit 126, one line on stderr naming the reason, nothing on stdout. */
function expectRefused(result: { code: number | null; stdout: string; stderr: string }, what: string) {
  expect({ what, code: result.code, stdout: result.stdout }).toEqual({ what, code: 126, stdout: '' });
  expect(result.stderr, what).toMatch(/^samaops-remote: refused: [^\n]+\n$/);
}

describe('the bot’s key used by hand (plain ssh -i KEY)', () => {
  it('runs no shell and no other command: id, cat /etc/shadow, bash -i, sh -c, a login shell', async () => {
    const before = refusals().length;
    const state = hostNow();
    for (const command of ['id', 'cat /etc/shadow', 'bash -i', "sh -c 'docker ps'"]) {
      expectRefused(await client.run([command]), command);
    }
    const login = await client.run([]);
    expect(login.code).toBe(126);
    expect(login.stderr).toContain('no command');
    // A terminal is refused by `restrict`; the command still meets the wrapper.
    const terminal = await client.run(['-tt', 'bash -i']);
    expect(terminal.code).not.toBe(0);
    expect(terminal.stderr).toContain('PTY allocation request failed');
    const logged = refusals().slice(before);
    for (const command of ['id', 'cat /etc/shadow', 'bash -i', "sh -c 'docker ps'"])
      expect(
        logged.some((line) => line.endsWith(`: ${command}`)),
        command,
      ).toBe(true);
    expect(logged.filter((line) => line.endsWith(': bash -i'))).toHaveLength(2);
    expect(logged.some((line) => line.includes('no command'))).toBe(true);
    expect(hostNow()).toEqual(state);
  });

  it('refuses every injection spliced into every variable part of every form, logs each, changes nothing', async () => {
    const values: Record<FormPart, string> = {
      seconds: '5',
      mountPoint: hostPaths(host).dataMount,
      container: 'samaconso_api_1',
      lines: '20',
      hours: '72',
      composeFile: '/opt/samaconso/docker-compose.workers.yml',
      service: 'celery_worker_2',
      replicas: '1',
      journalDays: '3',
      logDirectory: hostPaths(host).logDir,
      logFilePattern: '*.log',
      backupDirectory: backupDir,
      ageDays: '1',
      authLog: LAB_AUTH_LOG,
    };
    const attempts = spliceAttempts(values, marker);
    expect(attempts.length).toBeGreaterThan(600);
    const before = refusals().length;
    const state = hostNow();
    const failures: string[] = [];
    const attempt = async (each: Attempt) => {
      const result = await client.run([each.line]);
      if (result.code !== 126 || !/^samaops-remote: refused: [^\n]+\n$/.test(result.stderr))
        failures.push(`${attemptName(each)}: code ${result.code}, stderr ${result.stderr.slice(0, 120)}`);
    };
    // One attempt alone first: its client opens the connection the next ones share, four at a time.
    const [first, ...queue] = attempts;
    if (first) await attempt(first);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await attempt(next);
      }),
    );
    expect(failures).toEqual([]);
    const logged = refusals().slice(before);
    expect(logged).toHaveLength(attempts.length);
    const unlogged = attempts.filter(
      (attempt) => !logged.some((line) => line.endsWith(`: ${loggedForm(attempt.line)}`)),
    );
    expect(unlogged.map(attemptName)).toEqual([]);
    for (const line of logged) expect(line).toMatch(/^[ -~]+$/);
    expect(hostNow()).toEqual(state);
  }, 300_000);
});

function attemptName(attempt: Attempt): string {
  return `${attempt.form} <${attempt.part}> ${attempt.entry} (${attempt.mode})`;
}
