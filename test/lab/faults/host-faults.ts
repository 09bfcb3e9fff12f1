import { randomBytes } from 'node:crypto';
import { appendFileSync, rmSync, statfsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docker, waitHealthy } from '../lab-containers.js';
import { portOpen, waitUntil } from '../lab-process.js';
import { startLabHost, stopLabHost } from '../lab-ssh.js';
import { hostPaths, labHosts } from '../lab-topology.js';
import type { LabFault } from './lab-fault.js';

/** Faults seen over SSH: a container stopped, a disk filled, errors in the logs, a host gone. */

/** `docker stop samaconso_api_N`: one of the two API instances behind the load balancer is down. */
function apiDown(instance: 1 | 2): LabFault {
  const container = `samaconso_api_${instance}`;
  return {
    name: instance === 1 ? 'api-1-down' : 'api-2-down',
    description: `container ${container} stopped`,
    async inject() {
      await docker('api', ['stop', container]);
      return {};
    },
    async heal() {
      await docker('api', ['start', container]);
      await waitHealthy(container);
    },
    detectedBy: [
      { id: 'api.health', target: container },
      { id: 'docker.containers', target: 'api' },
    ],
  };
}

export const api1Down = apiDown(1);
export const api2Down = apiDown(2);

const diskHost = 'db';
const diskMount = hostPaths(diskHost).dataMount;

/**
 * An old unused image layer fills the db host's data mount to 97 %. It is dated five days back, so
 * that the runbook's `docker image prune -af --filter until=72h` (the docker double) reclaims it.
 */
export const diskFull: LabFault = {
  name: 'disk-full',
  description: `${diskMount} on ${diskHost} filled to 97 % by an unused image layer`,
  async inject() {
    const { blocks, bfree, bsize } = statfsSync(diskMount);
    const wanted = Math.floor(blocks * 0.97) - (blocks - bfree);
    const file = join(diskMount, 'docker', 'images', `${randomBytes(32).toString('hex')}.layer`);
    writeFileSync(file, Buffer.alloc(Math.max(0, wanted) * bsize, 1));
    const fiveDaysAgo = new Date(Date.now() - 5 * 24 * 3_600_000);
    utimesSync(file, fiveDaysAgo, fiveDaysAgo);
    return { file };
  },
  async heal(record) {
    if (typeof record.file === 'string') rmSync(record.file, { force: true });
  },
  detectedBy: [{ id: 'disk.usage', target: `${diskHost}:${diskMount}` }],
};

const errorLog = join(hostPaths('api').logDir, 'fault-log-errors.log');

/** 150 ERROR and CRITICAL lines in the api host's application logs (threshold: 100). */
export const logErrors: LabFault = {
  name: 'log-errors',
  description: '150 ERROR/CRITICAL lines in a log of the api host',
  async inject() {
    const lines = Array.from({ length: 150 }, (_, index) => {
      const level = index % 10 === 0 ? 'CRITICAL' : 'ERROR';
      const stamp = new Date().toISOString().replace('T', ' ').replace('Z', '');
      return `[${stamp}] ${level} samaconso_api_1: upstream timeout calling Senelec billing (request ${index})\n`;
    });
    appendFileSync(errorLog, lines.join(''));
    return { file: errorLog };
  },
  async heal() {
    rmSync(errorLog, { force: true });
  },
  detectedBy: [{ id: 'logs.errors', target: 'api' }],
};

const downHost = 'workers';

/** The workers host's sshd stopped: SERVEUR 3 unreachable. */
export const hostDown: LabFault = {
  name: 'host-down',
  description: `sshd of ${downHost} (${labHosts[downHost].address}) stopped`,
  async inject() {
    await stopLabHost(downHost);
    return {};
  },
  async heal() {
    await startLabHost(downHost);
    const { address, sshPort } = labHosts[downHost];
    await waitUntil(`sshd ${downHost} listening`, () => portOpen(address, sshPort), 10_000);
  },
  detectedBy: [{ id: 'host.reachable', target: downHost }],
};
