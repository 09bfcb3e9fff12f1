import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTUALLY_MS } from '../support/eventually.js';
import { isAlive, portOpen, readPid, spawnDetached, stopProcess, waitUntil } from './lab-process.js';
import { LAB_DIR, labServices } from './lab-topology.js';

/**
 * The lab's dedicated redis-server on 127.0.0.4:6379 (SERVEUR 3), with a small maxmemory and the
 * production policy `noeviction`, so that "Redis memory full" can be produced for real. The
 * machine's own Redis on 127.0.0.1 is never touched.
 */

const dir = join(LAB_DIR, 'redis');
const pidFile = join(dir, 'redis.pid');

/** The lab Redis's pid while it runs. */
export function redisPid(): number | undefined {
  const pid = readPid(pidFile);
  return isAlive(pid, 'redis-server') ? pid : undefined;
}

/** Starts the lab Redis (no-op when it runs) and waits until it accepts connections. */
export async function startRedis(): Promise<void> {
  const { address, port, maxmemory } = labServices.redis;
  mkdirSync(dir, { recursive: true });
  if (redisPid() === undefined) {
    spawnDetached(
      'redis-server',
      [
        '--bind',
        address,
        '--port',
        String(port),
        '--maxmemory',
        maxmemory,
        '--maxmemory-policy',
        'noeviction',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--protected-mode',
        'no',
      ],
      { log: join(dir, 'redis.log'), pidFile },
    );
  }
  await waitUntil(`redis on ${address}:${port}`, () => portOpen(address, port), EVENTUALLY_MS);
}

/** Stops the lab Redis. */
export async function stopRedis(): Promise<void> {
  await stopProcess(redisPid(), pidFile);
}
