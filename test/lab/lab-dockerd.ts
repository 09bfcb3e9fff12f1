import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EVENTUALLY_MS } from '../support/eventually.js';
import { DOCKER_GROUP, idOf } from '../support/login-user.js';
import { isAlive, readPid, spawnDetached, stopProcess, waitUntil } from './lab-process.js';
import { DOCKER_DOUBLE_DIR, LAB_DIR, labDocker } from './lab-topology.js';

/**
 * The docker daemon double (docker-double/dockerd.mjs), run as root like dockerd, and the CLI
 * double copied where the hosts' sessions run it. The bot's login reaches the daemon because it is
 * in the docker group, as on the platform's servers.
 */

/** The CLI double's files, copied out of the checkout (which the login may not traverse). */
const CLIENT_FILES = ['docker', 'docker-compose'];

/** The daemon double's pid while it runs. */
export function dockerdPid(): number | undefined {
  const pid = readPid(labDocker.pidFile);
  return isAlive(pid, 'dockerd.mjs') ? pid : undefined;
}

/** Installs the CLI double and starts the daemon double (no-op when it runs); waits for its socket. */
export async function startDockerd(): Promise<void> {
  mkdirSync(labDocker.bin, { recursive: true });
  for (const file of CLIENT_FILES) {
    copyFileSync(join(DOCKER_DOUBLE_DIR, file), join(labDocker.bin, file));
    chmodSync(join(labDocker.bin, file), 0o755);
  }
  mkdirSync(dirname(labDocker.socket), { recursive: true });
  mkdirSync(LAB_DIR, { recursive: true });
  if (dockerdPid() === undefined) {
    spawnDetached(
      process.execPath,
      [
        join(DOCKER_DOUBLE_DIR, 'dockerd.mjs'),
        labDocker.socket,
        LAB_DIR,
        String(idOf('group', DOCKER_GROUP)),
      ],
      { log: labDocker.log, pidFile: labDocker.pidFile },
    );
  }
  await waitUntil('the docker daemon double listening', () => existsSync(labDocker.socket), EVENTUALLY_MS);
}

/** Stops the daemon double. */
export async function stopDockerd(): Promise<void> {
  await stopProcess(dockerdPid(), labDocker.pidFile);
}
