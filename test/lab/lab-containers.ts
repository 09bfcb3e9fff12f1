import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EVENTUALLY_MS } from '../support/eventually.js';
import { httpOk, isAlive, run, waitUntil } from './lab-process.js';
import {
  containerSpecs,
  DOCKER_DOUBLE_DIR,
  hostPaths,
  LAB_DIR,
  type LabHostName,
  labDocker,
  labHostNames,
} from './lab-topology.js';

/**
 * The stand-in containers, driven through the same docker double that the lab hosts' sessions
 * use, so that `up`, faults and the bot all see one state (.lab/containers/NAME/).
 */

const CONTAINERS_DIR = join(LAB_DIR, 'containers');

/**
 * The environment a lab host's sshd gives its sessions: the docker CLI double first on PATH, its
 * daemon's socket, and which host this is (the double shows each host its own containers).
 */
export function labHostEnv(host: LabHostName): NodeJS.ProcessEnv {
  return {
    PATH: `${labDocker.bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    DOCKER_HOST: `unix://${labDocker.socket}`,
    SAMAOPS_LAB_DIR: LAB_DIR,
    SAMAOPS_LAB_HOST: host,
    SAMAOPS_LAB_DATA: hostPaths(host).dataMount,
  };
}

/** Runs the docker double as if on `host`, as root and in process (not through the daemon), and returns its stdout. */
export function docker(host: LabHostName, args: string[]): Promise<string> {
  return run(process.execPath, [join(DOCKER_DOUBLE_DIR, 'docker.mjs'), ...args], { env: labHostEnv(host) });
}

/**
 * Writes every container's spec (keeping its state) and starts those not running; one whose spec
 * changed since it started (the lab's code moved on) is restarted, as `compose up` recreates it.
 */
export async function startContainers(): Promise<void> {
  for (const host of labHostNames) mkdirSync(hostPaths(host).logDir, { recursive: true });
  const changed = new Set<string>();
  for (const spec of containerSpecs()) {
    const file = join(CONTAINERS_DIR, spec.name, 'spec.json');
    const text = JSON.stringify(spec, null, 2);
    if (existsSync(file) && readFileSync(file, 'utf8') !== text) changed.add(spec.name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  await Promise.all(
    labHostNames.map(async (host) => {
      const names = containerSpecs()
        .filter((spec) => spec.host === host)
        .map((spec) => spec.name);
      const stale = names.filter((name) => changed.has(name));
      if (stale.length > 0) await docker(host, ['restart', '-t', '5', ...stale]);
      if (names.length > 0) await docker(host, ['start', ...names]);
    }),
  );
  await Promise.all(containerSpecs().map((spec) => waitHealthy(spec.name)));
}

/** Waits until a container's stand-in is up: health URL answering, or heartbeat written. */
export async function waitHealthy(name: string, timeoutMs = EVENTUALLY_MS): Promise<void> {
  const spec = containerSpecs().find((each) => each.name === name);
  const heartbeat = join(CONTAINERS_DIR, name, 'heartbeat');
  await waitUntil(
    `container ${name} healthy`,
    async () => (spec?.healthUrl ? httpOk(spec.healthUrl) : Date.now() - mtime(heartbeat) < 2000),
    timeoutMs,
  );
}

function mtime(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

/** Names of every container the double knows, compose replicas included. */
export function allContainerNames(): string[] {
  return existsSync(CONTAINERS_DIR) ? readdirSync(CONTAINERS_DIR).sort() : [];
}

/** Host and stand-in pid (while it runs) of every container. */
export function containerStatus(): { name: string; host: LabHostName; pid: number | undefined }[] {
  return allContainerNames().flatMap((name) => {
    const specFile = join(CONTAINERS_DIR, name, 'spec.json');
    const stateFile = join(CONTAINERS_DIR, name, 'state.json');
    if (!existsSync(specFile)) return [];
    const spec = JSON.parse(readFileSync(specFile, 'utf8')) as { host: LabHostName };
    const state = existsSync(stateFile)
      ? (JSON.parse(readFileSync(stateFile, 'utf8')) as { pid?: number })
      : {};
    const pid = state.pid ?? undefined;
    return [{ name, host: spec.host, pid: isAlive(pid, name) ? pid : undefined }];
  });
}

/** Stops every container of every host (compose replicas too). */
export async function stopContainers(): Promise<void> {
  const byHost = new Map<LabHostName, string[]>();
  for (const { name, host, pid } of containerStatus()) {
    if (pid !== undefined) byHost.set(host, [...(byHost.get(host) ?? []), name]);
  }
  await Promise.all([...byHost].map(([host, names]) => docker(host, ['stop', '-t', '5', ...names])));
}
