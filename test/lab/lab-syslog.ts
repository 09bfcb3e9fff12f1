import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EVENTUALLY_MS } from '../support/eventually.js';
import { isAlive, readPid, spawnDetached, stopProcess, waitUntil } from './lab-process.js';
import { labSyslog } from './lab-topology.js';

/**
 * The lab's syslog daemon: a real rsyslogd, listening on a socket of the lab's own (not /dev/log,
 * which belongs to the machine) and writing what it receives to one file. samaops-remote on the
 * lab hosts logs its refusals there, as it logs to the system's syslog in production.
 */

const pidFile = join(labSyslog.dir, 'syslog.pid');

/** rsyslogd's configuration: that one socket in, that one file out; no rate limit (tests send bursts). */
function config(): string {
  return [
    `global(workDirectory="${labSyslog.dir}")`,
    'module(load="imuxsock" SysSock.Use="off")',
    `input(type="imuxsock" Socket="${labSyslog.socket}" CreatePath="on" RateLimit.Interval="0")`,
    `*.* action(type="omfile" file="${labSyslog.messages}" template="RSYSLOG_FileFormat")`,
    '',
  ].join('\n');
}

/** The lab rsyslogd's pid while it runs. */
export function syslogPid(): number | undefined {
  const pid = readPid(pidFile);
  return isAlive(pid, 'rsyslogd') ? pid : undefined;
}

/** Starts rsyslogd (no-op when it runs) and waits for its socket. */
export async function startSyslog(): Promise<void> {
  mkdirSync(labSyslog.dir, { recursive: true });
  mkdirSync(dirname(labSyslog.socket), { recursive: true });
  const file = join(labSyslog.dir, 'rsyslog.conf');
  writeFileSync(file, config());
  // A daemon left running without its socket (the directory was removed under it, e.g. by a lab
  // that went down halfway) never gets it back: start it afresh.
  if (syslogPid() !== undefined && !existsSync(labSyslog.socket)) await stopSyslog();
  if (syslogPid() === undefined) {
    spawnDetached('/usr/sbin/rsyslogd', ['-n', '-f', file, '-i', join(labSyslog.dir, 'rsyslogd.pid')], {
      log: join(labSyslog.dir, 'rsyslogd.log'),
      pidFile,
    });
  }
  await waitUntil('the lab syslog socket', () => existsSync(labSyslog.socket), EVENTUALLY_MS);
}

/** Stops rsyslogd. */
export async function stopSyslog(): Promise<void> {
  await stopProcess(syslogPid(), pidFile);
}

/** Lines the lab's syslog received with `tag`, oldest first. */
export function syslogLines(tag: string): string[] {
  if (!existsSync(labSyslog.messages)) return [];
  return readFileSync(labSyslog.messages, 'utf8')
    .split('\n')
    .filter((line) => line.includes(` ${tag}: `) || line.includes(` ${tag}[`));
}
