// TEST DOUBLE support: the state of the lab's fake containers. Each container is a directory
// .lab/containers/NAME/ holding spec.json (written by `npm run lab -- up`), state.json (pid,
// times, exit code), container.log (the process's stdout and stderr) and heartbeat (fresh while
// the stand-in is healthy). A container is a detached Node process running a stand-in script.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STAND_INS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'stand-ins');
/** A heartbeat older than this makes a running container `unhealthy`. */
const HEALTH_STALE_MS = 3000;

/** The lab's state directory and the host this `docker` runs on, from the sshd session's env. */
export function labContext(env = process.env) {
  if (!env.SAMAOPS_LAB_DIR || !env.SAMAOPS_LAB_HOST) return undefined;
  return { labDir: env.SAMAOPS_LAB_DIR, host: env.SAMAOPS_LAB_HOST, dataDir: env.SAMAOPS_LAB_DATA };
}

const containersDir = (context) => join(context.labDir, 'containers');
const dirOf = (context, name) => join(containersDir(context), name);

/** Every container of this host, by name order. */
export function listContainers(context) {
  if (!existsSync(containersDir(context))) return [];
  return readdirSync(containersDir(context))
    .sort()
    .map((name) => loadContainer(context, name))
    .filter((container) => container !== undefined);
}

/** One container of this host, or undefined (another host's containers are invisible here). */
export function loadContainer(context, name) {
  const specFile = join(dirOf(context, name), 'spec.json');
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) || !existsSync(specFile)) return undefined;
  const spec = JSON.parse(readFileSync(specFile, 'utf8'));
  if (spec.host !== context.host) return undefined;
  const stateFile = join(dirOf(context, name), 'state.json');
  const state = existsSync(stateFile)
    ? JSON.parse(readFileSync(stateFile, 'utf8'))
    : { id: idOf(name), createdAt: statSync(specFile).mtimeMs, pid: null, restartCount: 0 };
  return { spec, state, dir: dirOf(context, name) };
}

/** Creates a container from a spec (compose scale), without starting it. */
export function createContainer(context, spec) {
  mkdirSync(dirOf(context, spec.name), { recursive: true });
  writeFileSync(join(dirOf(context, spec.name), 'spec.json'), JSON.stringify(spec, null, 2));
}

/** Deletes a stopped container. */
export function removeContainer(container) {
  rmSync(container.dir, { recursive: true, force: true });
}

function save(container) {
  writeFileSync(join(container.dir, 'state.json'), JSON.stringify(container.state, null, 2));
}

function idOf(name) {
  return createHash('sha256').update(`samaops-lab:${name}`).digest('hex');
}

/** True when the recorded pid is alive and still runs this container's stand-in. */
export function isRunning(container) {
  const { pid } = container.state;
  if (!pid) return false;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && cmdline.includes(container.spec.name);
  } catch {
    return false;
  }
}

/** `healthy`, `unhealthy` or `starting`, from the stand-in's heartbeat file. */
export function healthOf(container) {
  const file = join(container.dir, 'heartbeat');
  const beat = existsSync(file) ? statSync(file).mtimeMs : 0;
  if (beat >= (container.state.startedAt ?? 0) && Date.now() - beat < HEALTH_STALE_MS) return 'healthy';
  return Date.now() - (container.state.startedAt ?? 0) < HEALTH_STALE_MS ? 'starting' : 'unhealthy';
}

/** Starts the stand-in process of a container (no-op when it already runs). */
export function startContainer(container) {
  if (isRunning(container)) return;
  rmSync(join(container.dir, 'heartbeat'), { force: true });
  const log = openSync(join(container.dir, 'container.log'), 'a');
  const child = spawn(process.execPath, [join(STAND_INS_DIR, container.spec.script), container.spec.name], {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...container.spec.env,
      CONTAINER_NAME: container.spec.name,
      HEARTBEAT_FILE: join(container.dir, 'heartbeat'),
    },
  });
  child.unref();
  Object.assign(container.state, { pid: child.pid, startedAt: Date.now(), finishedAt: null, exitCode: null });
  save(container);
}

/** SIGTERM, then SIGKILL after `graceSeconds` (docker stop -t, default 10). */
export async function stopContainer(container, graceSeconds = 10) {
  if (!isRunning(container)) return;
  const { pid } = container.state;
  process.kill(pid, 'SIGTERM');
  let exitCode = 0;
  if (!(await waitForExit(container, graceSeconds * 1000))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(container, 5000);
    exitCode = 137;
  }
  Object.assign(container.state, { pid: null, finishedAt: Date.now(), exitCode });
  save(container);
}

async function waitForExit(container, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(container)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** A container whose process died without `docker stop`: docker shows it exited with 137. */
export function settle(container) {
  if (container.state.pid && !isRunning(container)) {
    Object.assign(container.state, { pid: null, finishedAt: Date.now(), exitCode: 137 });
    save(container);
  }
  return container;
}
