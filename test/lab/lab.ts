import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadInventory } from '../../src/config/load-inventory.js';
import { ensureLoginUser } from '../support/login-user.js';
import { installSudoers, inventorySudoers, removeSudoers } from '../support/sudoers.js';
import { activeFaults, healFault } from './faults/lab-faults.js';
import { containerStatus, startContainers, stopContainers } from './lab-containers.js';
import { dockerdPid, startDockerd, stopDockerd } from './lab-dockerd.js';
import { writeLabInventory } from './lab-inventory.js';
import { isMounted, mountDataDirs, unmountDataDirs } from './lab-mounts.js';
import {
  pgbouncerPid,
  postgresPid,
  startPgbouncer,
  startPostgres,
  stopPgbouncer,
  stopPostgres,
} from './lab-postgres.js';
import { portOpen } from './lab-process.js';
import { prepareRabbitmq, vhostReady } from './lab-rabbitmq.js';
import { redisPid, startRedis, stopRedis } from './lab-redis.js';
import { labHostPid, setLabRootLogin, startLabHosts, stopLabHost } from './lab-ssh.js';
import { startSyslog, stopSyslog, syslogPid } from './lab-syslog.js';
import {
  hostPaths,
  LAB_AUTH_LOG,
  LAB_DIR,
  LAB_INVENTORY,
  labDocker,
  labHostNames,
  labHosts,
  labListeners,
  labServices,
  labSyslog,
} from './lab-topology.js';

/** `up`, `down` and `status` of the whole lab. */

/** Options of `up`. */
export interface LabUpOptions {
  /**
   * Let root log in to the hosts too, unrestricted, and name root in config/lab.yml: the way before
   * least privilege, kept only to compare with. Default false: the bot logs in as `samaops`.
   */
  rootLogin?: boolean;
}

/** Brings every component up (those already running are kept) and writes config/lab.yml. */
export async function labUp(options: LabUpOptions = {}): Promise<{ durationMs: number; inventory: string }> {
  const started = performance.now();
  const rootLogin = options.rootLogin ?? false;
  await refuseForeignListeners();
  ensureLoginUser();
  mkdirSync(LAB_DIR, { recursive: true });
  await mountDataDirs();
  writeAuthLog();
  const [hosts] = await Promise.all([
    Promise.all([startSyslog(), startDockerd()]).then(() => startLabHosts(rootLogin)),
    startPostgres().then(startPgbouncer),
    startRedis(),
    prepareRabbitmq(),
  ]);
  await startContainers();
  writeLabInventory(hosts, rootLogin ? 'root' : hosts.db.user);
  installLabSudoers();
  return { durationMs: Math.round(performance.now() - started), inventory: LAB_INVENTORY };
}

const LAB_SUDOERS = 'samaops-lab';

/** The sudo rules `samaops ssh-wrapper --sudoers` prints for the lab's inventory (its privileged forms). */
function installLabSudoers(): void {
  installSudoers(LAB_SUDOERS, inventorySudoers(loadInventory(LAB_INVENTORY)));
}

/** A small auth log in sshd's and PAM's own formats: two failed logins among ordinary lines. */
function writeAuthLog(): void {
  writeFileSync(
    LAB_AUTH_LOG,
    [
      'Nov 20 02:11:04 api sshd[4121]: Failed password for invalid user admin from 127.0.0.9 port 51234 ssh2',
      'Nov 20 02:11:09 api sshd[4121]: Connection closed by invalid user admin 127.0.0.9 port 51234 [preauth]',
      'Nov 21 08:00:00 db sudo: pam_unix(sudo:auth): authentication failure; logname=ops uid=1000 euid=0 tty=/dev/pts/0 ruser=ops rhost=  user=ops',
      'Nov 21 08:00:05 db sudo:      ops : TTY=pts/0 ; PWD=/home/ops ; USER=root ; COMMAND=/usr/bin/systemctl status',
      '',
    ].join('\n'),
  );
}

/**
 * When none of this checkout's lab processes runs, every lab address must be free: a lab left up
 * by another checkout would otherwise answer in ours (its sshd's banner, its API), with other keys.
 */
async function refuseForeignListeners(): Promise<void> {
  if ((await labComponents()).some((component) => component.pid !== undefined)) return;
  const taken = [];
  for (const { address, port } of labListeners())
    if (await portOpen(address, port)) taken.push(`${address}:${port}`);
  if (taken.length > 0) {
    throw new Error(
      `${taken.join(', ')} already in use by processes this lab did not start (another checkout's lab? run its \`npm run lab -- down\`)`,
    );
  }
}

/** Heals active faults, then stops everything `up` started; nothing of the lab keeps running. */
export async function labDown(): Promise<void> {
  for (const fault of activeFaults()) await healFault(fault).catch(() => undefined);
  await stopContainers();
  await Promise.all([...labHostNames.map(stopLabHost), stopPgbouncer().then(stopPostgres), stopRedis()]);
  await Promise.all([stopDockerd(), stopSyslog()]);
  setLabRootLogin(false);
  removeSudoers(LAB_SUDOERS);
  await unmountDataDirs();
  rmSync(join(LAB_DIR, 'celery'), { recursive: true, force: true });
}

/** One component of the lab and whether it runs. */
export interface LabComponent {
  name: string;
  where: string;
  running: boolean;
  /** Its process while it runs (none for mounts and the vhost). */
  pid?: number;
}

const processComponent = (name: string, where: string, pid: number | undefined): LabComponent => ({
  name,
  where,
  running: pid !== undefined,
  pid,
});

/** Every component of the lab, for `status` and for tests. */
export async function labComponents(): Promise<LabComponent[]> {
  const { postgres, pgbouncer, redis, rabbitmq } = labServices;
  return [
    ...labHostNames.map((host) =>
      processComponent(
        `sshd ${host}`,
        `${labHosts[host].address}:${labHosts[host].sshPort}`,
        labHostPid(host),
      ),
    ),
    ...labHostNames.map((host) => ({
      name: `tmpfs ${host}`,
      where: hostPaths(host).dataMount,
      running: isMounted(hostPaths(host).dataMount),
    })),
    processComponent('postgres', `${postgres.address}:${postgres.port}`, postgresPid()),
    processComponent('pgbouncer', `${pgbouncer.address}:${pgbouncer.port}`, pgbouncerPid()),
    processComponent('redis', `${redis.address}:${redis.port}`, redisPid()),
    processComponent('dockerd double', labDocker.socket, dockerdPid()),
    processComponent('syslog', labSyslog.socket, syslogPid()),
    { name: 'rabbitmq vhost', where: rabbitmq.vhost, running: await vhostReady() },
    ...containerStatus().map(({ name, host, pid }) => processComponent(`container ${name}`, host, pid)),
  ];
}
