import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { z } from 'zod';
import { type Server, serverSchema } from '../../src/config/schema.js';
import { EVENTUALLY_MS } from './eventually.js';
import { LOGIN_USER } from './login-user.js';
import { type SshLoginSpec, sshLoginPaths, writeSshLogin } from './ssh-login.js';

/**
 * A real OpenSSH server on a loopback address, run as root with its own host key, client key,
 * config and log: the test stand-in for one of the platform's servers (PITFALLS.md, sshd). The bot
 * logs in to it as the non-root `samaops` through the forced command samaops-remote (ssh-login.ts).
 */

const run = promisify(execFile);
const SSHD = '/usr/sbin/sshd';
/** The system PATH of sessions, after the test's own directories. */
export const STANDARD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** What to start: where it listens and what its sessions see. */
export interface SshHostSpec {
  name: string;
  /** Loopback address, 127.0.0.2..254. */
  address: string;
  port: number;
  /** Absolute; holds host key, client key, sshd_config, pid file and log. */
  stateDir: string;
  /** Prepended to the PATH of sessions (SetEnv PATH=...), e.g. a dir holding the docker double. */
  pathDirs?: string[];
  /** Extra SetEnv variables for sessions. */
  env?: Record<string, string>;
  /** Keep an sshd already running from this stateDir instead of restarting it. Default false. */
  reuseRunning?: boolean;
  /** How long to wait for the banner, ms. Default EVENTUALLY_MS (a busy machine starts slowly). */
  startTimeoutMs?: number;
  /** The login files: default a `login` directory in stateDir, whose parents must be traversable. */
  login?: Partial<Omit<SshLoginSpec, 'path'>>;
}

/** A running sshd and what a client needs to log in to it. */
export interface SshHost {
  spec: SshHostSpec;
  /** The bot's login: `samaops`, restricted to samaops-remote. */
  user: string;
  /** The forced command's path on this server. */
  wrapperPath: string;
  /** The login directory (ssh-login.ts). */
  loginDir: string;
  privateKeyPath: string;
  privateKey: string;
  /** `SHA256:...` as `ssh-keygen -lf` prints it. */
  hostKeyFingerprint: string;
  pid: number;
  /** The sshd's own log (stderr of `sshd -D -e`). */
  logPath: string;
  /** Kills sshd and its per-connection children, and waits for them to exit. */
  stop(): Promise<void>;
  /** Kills the per-connection sshd processes only: clients see their connection dropped. Returns how many. */
  killSessions(): Promise<number>;
}

/** File layout of a host's state directory. */
export function sshHostPaths(stateDir: string) {
  return {
    hostKey: join(stateDir, 'ssh_host_ed25519_key'),
    clientKey: join(stateDir, 'client_ed25519'),
    config: join(stateDir, 'sshd_config'),
    pidFile: join(stateDir, 'sshd.pid'),
    log: join(stateDir, 'sshd.log'),
  };
}

/** Starts (or, with reuseRunning, finds) the sshd of `spec`; keys already in stateDir are reused. */
export async function startSshHost(spec: SshHostSpec): Promise<SshHost> {
  const paths = sshHostPaths(spec.stateDir);
  // Traversable (the keys inside stay 0600): the default login directory lives here.
  mkdirSync(spec.stateDir, { recursive: true, mode: 0o755 });
  mkdirSync(join(spec.stateDir, 'home'), { recursive: true, mode: 0o700 });
  mkdirSync('/run/sshd', { recursive: true });
  await ensureKey(paths.hostKey, `${spec.name}-host`);
  await ensureKey(paths.clientKey, `samaops@${spec.name}`);
  const login: SshLoginSpec = {
    dir: join(spec.stateDir, 'login'),
    ...spec.login,
    path: sessionPath(spec),
  };
  const wrapperPath = writeSshLogin(login, `${paths.clientKey}.pub`);
  const config = sshdConfig(spec, paths, sshLoginPaths(login.dir).authorizedKeysPattern);
  const configChanged = !existsSync(paths.config) || readFileSync(paths.config, 'utf8') !== config;
  writeFileSync(paths.config, config, { mode: 0o600 });

  const running = readPid(paths.pidFile);
  let pid: number;
  if (spec.reuseRunning && !configChanged && running !== undefined && isAlive(running)) {
    pid = running;
  } else {
    await stopSshHostByPidFile(spec.stateDir);
    const log = openSync(paths.log, 'a');
    const child = spawn(SSHD, ['-D', '-e', '-f', paths.config], {
      detached: true,
      stdio: ['ignore', log, log],
    });
    child.unref();
    if (child.pid === undefined) throw new Error(`sshd ${spec.name} did not start`);
    pid = child.pid;
    writeFileSync(paths.pidFile, `${pid}\n`);
  }
  await waitForBanner(spec, pid, paths.log);

  return {
    spec,
    user: LOGIN_USER,
    wrapperPath,
    loginDir: login.dir,
    privateKeyPath: paths.clientKey,
    privateKey: readFileSync(paths.clientKey, 'utf8'),
    hostKeyFingerprint: await fingerprintOf(`${paths.hostKey}.pub`),
    pid,
    logPath: paths.log,
    stop: () => killTree(pid, true),
    killSessions: async () => {
      const children = descendantsOf(pid);
      for (const child of children) signal(child, 'SIGKILL');
      await Promise.all(children.map((child) => waitForExit(child, 5000)));
      return children.length;
    },
  };
}

/** Stops the sshd recorded in stateDir's pid file, if any, with its per-connection children. */
export async function stopSshHostByPidFile(stateDir: string): Promise<void> {
  const pid = readPid(sshHostPaths(stateDir).pidFile);
  if (pid === undefined || !isAlive(pid) || !isSshd(pid)) return;
  await killTree(pid, true);
}

/** The OpenSSH fingerprint of a public key file, exactly as `ssh-keygen -lf` prints it. */
export async function fingerprintOf(publicKeyPath: string): Promise<string> {
  const { stdout } = await run('ssh-keygen', ['-l', '-f', publicKeyPath]);
  const fingerprint = stdout.split(/\s+/)[1];
  if (!fingerprint?.startsWith('SHA256:')) throw new Error(`unexpected ssh-keygen output: ${stdout}`);
  return fingerprint;
}

async function ensureKey(path: string, comment: string): Promise<void> {
  if (existsSync(path) && existsSync(`${path}.pub`)) return;
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path]);
}

/** The PATH of the server's sessions, and so of the forms samaops-remote runs: test doubles first. */
function sessionPath(spec: SshHostSpec): string {
  return [...(spec.pathDirs ?? []), STANDARD_PATH].join(':');
}

function sshdConfig(
  spec: SshHostSpec,
  paths: ReturnType<typeof sshHostPaths>,
  authorizedKeysPattern: string,
): string {
  const path = sessionPath(spec);
  // SetEnv values are split on whitespace: quote each pair so values may contain spaces.
  // HOME points into stateDir: the machine's root ~/.bashrc (sourced by bash for every SSH exec)
  // would otherwise add ~100 ms to each command and its own PATH entries before ours.
  const env = Object.entries({ HOME: join(spec.stateDir, 'home'), ...spec.env, PATH: path }).map(
    ([key, value]) => `"${key}=${value}"`,
  );
  return [
    `ListenAddress ${spec.address}:${spec.port}`,
    `HostKey ${paths.hostKey}`,
    `PidFile ${paths.pidFile}`,
    `AuthorizedKeysFile ${authorizedKeysPattern}`,
    'PermitRootLogin prohibit-password',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'StrictModes no',
    'PrintMotd no',
    'PrintLastLog no',
    'UseDNS no',
    'MaxSessions 10',
    'LogLevel VERBOSE',
    // As Debian's own sshd_config: so that a test sees the forced command answer an sftp request.
    'Subsystem sftp /usr/lib/openssh/sftp-server',
    `SetEnv ${env.join(' ')}`,
    // As docs/servers.md asks: room for twice the bot's default sshChannels (8), since sshd counts a
    // session until it has handled its close. Last: a Match block runs to the end of the file.
    `Match User ${LOGIN_USER}`,
    '  MaxSessions 16',
    '',
  ].join('\n');
}

async function waitForBanner(spec: SshHostSpec, pid: number, logPath: string): Promise<void> {
  const deadline = Date.now() + (spec.startTimeoutMs ?? EVENTUALLY_MS);
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      throw new Error(`sshd ${spec.name} exited at start-up:\n${readFileSync(logPath, 'utf8').slice(-2000)}`);
    }
    if (await readsBanner(spec.address, spec.port)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`sshd ${spec.name} did not answer on ${spec.address}:${spec.port} in time`);
}

/** True once the port accepts and sends an `SSH-2.0-` banner. */
function readsBanner(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (chunk) => done(chunk.toString('latin1').startsWith('SSH-')));
  });
}

function readPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}

function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
}

function isSshd(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('sshd');
  } catch {
    return false;
  }
}

/** Per-connection sshd processes call setsid(), so a process-group kill misses them: walk /proc. */
function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = procStat(pid);
    if (stat) parents.set(pid, stat.ppid);
  }
  const found: number[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const parent = frontier.pop();
    for (const [pid, ppid] of parents) {
      if (ppid === parent) {
        found.push(pid);
        frontier.push(pid);
      }
    }
  }
  return found;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

async function killTree(pid: number, includeRoot: boolean): Promise<void> {
  const pids = [...descendantsOf(pid), ...(includeRoot ? [pid] : [])];
  for (const each of pids) signal(each, 'SIGTERM');
  const exited = await Promise.all(pids.map((each) => waitForExit(each, 5000)));
  pids.forEach((each, index) => {
    if (!exited[index]) signal(each, 'SIGKILL');
  });
  await Promise.all(pids.map((each) => waitForExit(each, 5000)));
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** The inventory entry of a started host, as the bot would read it; `fields` override or add (containers, mountPoints...). */
export function inventoryServer(host: SshHost, fields: Partial<z.input<typeof serverSchema>> = {}): Server {
  return serverSchema.parse({
    name: host.spec.name,
    role: 'db',
    host: host.spec.address,
    port: host.spec.port,
    user: host.user,
    privateKey: host.privateKey,
    hostKeyFingerprint: host.hostKeyFingerprint,
    ...fields,
  });
}
