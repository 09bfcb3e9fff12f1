import { type SshHost, startSshHost, stopSshHostByPidFile } from '../support/ssh-host.js';
import { labHostEnv } from './lab-containers.js';
import { isAlive, readPid } from './lab-process.js';
import { DOCKER_DOUBLE_DIR, hostPaths, type LabHostName, labHostNames, labHosts } from './lab-topology.js';

/**
 * The three lab hosts' sshd. Each session sees the docker double first on its PATH and knows
 * which host it is on (SAMAOPS_LAB_HOST), so that `docker ps` lists that host's containers only.
 */

/** Starts (or keeps) one lab host's sshd; keys are reused, so its fingerprint is stable. */
export function startLabHost(host: LabHostName): Promise<SshHost> {
  const { address, sshPort } = labHosts[host];
  return startSshHost({
    name: host,
    address,
    port: sshPort,
    stateDir: hostPaths(host).sshStateDir,
    pathDirs: [DOCKER_DOUBLE_DIR],
    // Same variables as the double gets locally; the sshd puts the double's directory on PATH itself.
    env: Object.fromEntries(
      Object.entries(labHostEnv(host)).filter(
        (entry): entry is [string, string] => entry[0] !== 'PATH' && entry[1] !== undefined,
      ),
    ),
    reuseRunning: true,
  });
}

/** Starts the three hosts' sshd together. */
export async function startLabHosts(): Promise<Record<LabHostName, SshHost>> {
  const started = await Promise.all(labHostNames.map(startLabHost));
  return Object.fromEntries(labHostNames.map((name, index) => [name, started[index]])) as Record<
    LabHostName,
    SshHost
  >;
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
