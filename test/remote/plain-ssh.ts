import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The OpenSSH client run by hand with the bot's private key, bypassing the bot: what someone who
 * stole the key would do. The host key is pinned (known_hosts of its own), never trusted blindly.
 */
export interface PlainSsh {
  /** `ssh [options] samaops@host COMMAND...`, stdin closed; resolves with how it ended. */
  run(args: string[], options?: { user?: string; timeoutMs?: number }): Promise<PlainResult>;
  /** The client options for `scp`, `sftp` and `ssh -L` to reuse. */
  options: string[];
  destination(user?: string): string;
  /** Ends the shared connection. */
  close(): Promise<void>;
}

export interface PlainResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program with arguments; never rejects. */
export function runProgram(
  program: string,
  args: string[],
  timeoutMs = 30_000,
  input?: string,
): Promise<PlainResult> {
  return new Promise((resolve) => {
    const child = execFile(
      program,
      args,
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/** A client for one host: `dir` gets its known_hosts and the multiplexing socket. */
export function plainSsh(host: {
  address: string;
  port: number;
  privateKeyPath: string;
  hostPublicKeyPath: string;
  dir: string;
}): PlainSsh {
  const knownHosts = join(host.dir, 'known_hosts');
  const [type, key] = readFileSync(host.hostPublicKeyPath, 'utf8').trim().split(/\s+/);
  writeFileSync(knownHosts, `${host.address} ${type} ${key}\n`);
  const options = [
    '-i',
    host.privateKeyPath,
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    `UserKnownHostsFile=${knownHosts}`,
    '-o',
    'LogLevel=ERROR',
    '-o',
    `Port=${host.port}`,
  ];
  // One connection shared by the many attempts of a test (a client option, the key's rights the same).
  const control = [
    '-o',
    'ControlMaster=auto',
    '-o',
    `ControlPath=${join(host.dir, 'mux-%r')}`,
    '-o',
    'ControlPersist=60',
  ];
  const destination = (user = 'samaops') => `${user}@${host.address}`;
  return {
    options,
    destination,
    run: (args, { user, timeoutMs } = {}) =>
      runProgram('ssh', [...options, ...control, destination(user), ...args], timeoutMs),
    async close() {
      await runProgram('ssh', [...options, ...control, '-O', 'exit', destination()]);
    },
  };
}

/** Starts `ssh -N -L` (a local port forward) with the client's options; returns the process. */
export function forwardPort(client: PlainSsh, forward: string) {
  return spawn(
    'ssh',
    [...client.options, '-N', '-o', 'ExitOnForwardFailure=yes', '-L', forward, client.destination()],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}
