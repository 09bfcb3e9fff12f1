import { existsSync } from 'node:fs';
import type { WrapperSource } from '../../src/remote/wrapper/wrapper-source.js';
import {
  type SshHost,
  STANDARD_PATH,
  sshHostPaths,
  startSshHost,
  stopSshHostByPidFile,
} from '../support/ssh-host.js';
import { installWrapper, setRootLogin, sshLoginPaths } from '../support/ssh-login.js';
import { labHostEnv } from './lab-containers.js';
import { isAlive, readPid } from './lab-process.js';
import { hostPaths, type LabHostName, labDocker, labHostNames, labHosts, labSyslog } from './lab-topology.js';

/**
 * The three lab hosts' sshd. The bot logs in as the non-root `samaops`, whose key runs only the
 * forced command samaops-remote (generated from the bot's forms table); its refusals go to the
 * lab's syslog. Each session sees the docker CLI double first on its PATH and knows which host it
 * is on (SAMAOPS_LAB_HOST), so that `docker ps` lists that host's containers only. Root may log in
 * too, unrestricted, only when asked (`npm run lab -- up --root-login`, the bench's comparison).
 */

/** True while root may log in to the lab hosts (the comparison option). */
export function labRootLogin(): boolean {
  return existsSync(sshLoginPaths(hostPaths('db').loginDir).authorizedKeys('root'));
}

/** The PATH of the lab hosts' sessions, and so of the forms samaops-remote runs there. */
const LAB_SESSION_PATH = `${labDocker.bin}:${STANDARD_PATH}`;

/**
 * Replaces samaops-remote on one lab host, as an operator would install another version: `source`
 * an older forms table (the drift check's test), or by default the bot's own.
 */
export function replaceLabWrapper(host: LabHostName, source?: WrapperSource): void {
  installWrapper(hostPaths(host).loginDir, {
    path: LAB_SESSION_PATH,
    syslogSocket: labSyslog.socket,
    ...(source ? { source } : {}),
  });
}

/** Starts (or keeps) one lab host's sshd; keys are reused, so its fingerprint is stable. */
export function startLabHost(host: LabHostName, rootLogin = labRootLogin()): Promise<SshHost> {
  const { address, sshPort } = labHosts[host];
  return startSshHost({
    name: host,
    address,
    port: sshPort,
    stateDir: hostPaths(host).sshStateDir,
    pathDirs: [labDocker.bin],
    // Same variables as the double gets locally; the sshd puts the double's directory on PATH itself.
    env: Object.fromEntries(
      Object.entries(labHostEnv(host)).filter(
        (entry): entry is [string, string] => entry[0] !== 'PATH' && entry[1] !== undefined,
      ),
    ),
    login: { dir: hostPaths(host).loginDir, syslogSocket: labSyslog.socket, rootLogin },
    reuseRunning: true,
  });
}

/** Starts the three hosts' sshd together. */
export async function startLabHosts(rootLogin?: boolean): Promise<Record<LabHostName, SshHost>> {
  const started = await Promise.all(labHostNames.map((host) => startLabHost(host, rootLogin)));
  return Object.fromEntries(labHostNames.map((name, index) => [name, started[index]])) as Record<
    LabHostName,
    SshHost
  >;
}

/** Lets root log in to every lab host with the bot's key, unrestricted, or stops it (no restart needed). */
export function setLabRootLogin(enabled: boolean): void {
  for (const host of labHostNames) {
    const { clientKey } = sshHostPaths(hostPaths(host).sshStateDir);
    setRootLogin(hostPaths(host).loginDir, `${clientKey}.pub`, enabled);
  }
}

/** Stops one host's sshd (and the sessions it serves). */
export function stopLabHost(host: LabHostName): Promise<void> {
  return stopSshHostByPidFile(hostPaths(host).sshStateDir);
}

/** That host's sshd pid while it runs. */
export function labHostPid(host: LabHostName): number | undefined {
  const pid = readPid(`${hostPaths(host).sshStateDir}/sshd.pid`);
  return isAlive(pid, 'sshd') ? pid : undefined;
}
