import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../src/logging/logger.js';
import {
  OUTPUT_CAP_BYTES,
  OUTPUT_TAIL_BYTES,
  remoteCommandLine,
} from '../../src/remote/exec-remote-command.js';
import { dockerImagePrune, dockerLogs, dockerPs, hostTrue } from '../../src/remote/remote-commands.js';
import { isRemoteError } from '../../src/remote/remote-error.js';
import { createSshPool } from '../../src/remote/ssh-pool.js';
import { inventoryServer, type SshHost, startSshHost } from '../support/ssh-host.js';

// A test double for the Docker CLI: its behaviour is chosen by a file in its state directory.
const DOCKER_DOUBLE = `#!/bin/sh
state="$DOCKER_DOUBLE_STATE"
case "$(cat "$state/mode" 2>/dev/null)" in
  flood) head -c 300000 /dev/zero | tr '\\0' 'x' ;;
  floodlines)
    seq 0 2999 | awk '{ printf "deleted: sha256:%d-%080d\\n", $1, $1 }'
    echo "Total reclaimed space: 1B"
    touch "$state/finished" ;;
  hang) sleep 29.123 ;;
  slow)
    mkdir "$state/running.$$"
    ls -d "$state"/running.* | wc -l >> "$state/concurrency"
    sleep 0.3
    rmdir "$state/running.$$" ;;
  *) printf '%s\\n' "$*" ;;
esac
`;

const root = mkdtempSync(join(tmpdir(), 'samaops-pool-'));
const doubleState = join(root, 'double');
let host: SshHost;

function mode(name: string): void {
  writeFileSync(join(doubleState, 'mode'), name);
}

function logged(): { logger: ReturnType<typeof createLogger>; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    logger: createLogger({ level: 'debug', destination }),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

function hungProcesses(): number {
  return readdirSync('/proc').filter((pid) => {
    try {
      return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8') === 'sleep\u000029.123\u0000';
    } catch {
      return false;
    }
  }).length;
}

function acceptedLogins(): number {
  return readFileSync(host.logPath, 'utf8')
    .split('\n')
    .filter((line) => line.includes('Accepted publickey')).length;
}

beforeAll(async () => {
  const bin = join(root, 'bin');
  // The bot logs in as samaops: it must reach the login files and the double, and write the double's state.
  chmodSync(root, 0o755);
  mkdirSync(bin);
  mkdirSync(doubleState);
  chmodSync(doubleState, 0o777);
  writeFileSync(join(bin, 'docker'), DOCKER_DOUBLE);
  chmodSync(join(bin, 'docker'), 0o755);
  host = await startSshHost({
    name: 'pooltest',
    address: '127.0.0.51',
    port: 2222,
    stateDir: join(root, 'sshd'),
    pathDirs: [bin],
    env: { DOCKER_DOUBLE_STATE: doubleState },
  });
});

afterAll(async () => {
  await host?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('SSH pool against a real sshd', () => {
  it('runs a fixed command, quoted, under a remote timeout', async () => {
    mode('echo');
    const pool = createSshPool({ timeoutMs: 3000, logger: silentLogger() });
    try {
      const output = await pool.run(inventoryServer(host), dockerPs(), AbortSignal.timeout(5000));
      expect(output.code).toBe(0);
      expect(output.stdout).toBe('ps -a --format {{json .}}\n');
      expect(remoteCommandLine(dockerPs(), 2500)).toBe("timeout -k 5 3 docker ps -a --format '{{json .}}'");
    } finally {
      await pool.close();
    }
  });

  it('reuses one connection for many concurrent commands and reconnects after the server drops it', async () => {
    mode('echo');
    const before = acceptedLogins();
    const pool = createSshPool({ timeoutMs: 3000, logger: silentLogger() });
    const server = inventoryServer(host);
    try {
      const outputs = await Promise.all(
        Array.from({ length: 12 }, () => pool.run(server, hostTrue(), AbortSignal.timeout(5000))),
      );
      expect(outputs.every((output) => output.code === 0)).toBe(true);
      expect(pool.stats()).toMatchObject({ connectAttempts: 1, connects: 1, commands: 12 });
      expect(acceptedLogins() - before).toBe(1);

      expect(await host.killSessions()).toBeGreaterThan(0);
      const after = await pool.run(server, hostTrue(), AbortSignal.timeout(5000));
      expect(after.code).toBe(0);
      expect(pool.stats().connects).toBe(2);
      expect(acceptedLogins() - before).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('keeps at most the server’s sshChannels open at once on one host (default 8)', async () => {
    mode('slow');
    const pool = createSshPool({ timeoutMs: 5000, logger: silentLogger() });
    try {
      for (const [fields, limit] of [
        [{}, 8],
        [{ sshChannels: 2 }, 2],
      ] as const) {
        rmSync(join(doubleState, 'concurrency'), { force: true });
        const server = inventoryServer(host, { ...fields, name: `pooltest${limit}` });
        expect(server.sshChannels).toBe(limit);
        await Promise.all(
          Array.from({ length: 12 }, () => pool.run(server, dockerPs(), AbortSignal.timeout(20_000))),
        );
        const seen = readFileSync(join(doubleState, 'concurrency'), 'utf8').trim().split('\n').map(Number);
        expect(seen).toHaveLength(12);
        expect(Math.max(...seen)).toBeLessThanOrEqual(limit);
        expect(Math.max(...seen)).toBeGreaterThan(1);
      }
    } finally {
      await pool.close();
    }
  });

  // sshd frees a session only after handling its channel's close: commands ending and starting in
  // one burst count twice against MaxSessions (16 for the bot's login here, as docs/servers.md
  // says). The default stays within it; twice that many channels make sshd refuse some sessions,
  // which are asked for again on the same connection.
  it('runs bursts of commands within sshd’s MaxSessions, asking again for a refused session', async () => {
    mode('echo');
    for (const sshChannels of [8, 16]) {
      const pool = createSshPool({ timeoutMs: 5000, logger: silentLogger() });
      const server = inventoryServer(host, { sshChannels, name: `burst${sshChannels}` });
      try {
        for (let round = 0; round < 3; round += 1) {
          const outputs = await Promise.all(
            Array.from({ length: 40 }, () => pool.run(server, dockerPs(), AbortSignal.timeout(30_000))),
          );
          expect(outputs.map((output) => output.code)).toEqual(Array(40).fill(0));
        }
        expect(pool.stats().connects).toBe(1);
      } finally {
        await pool.close();
      }
    }
  });

  it('caps output at 64 KiB', async () => {
    mode('flood');
    const pool = createSshPool({ timeoutMs: 3000, logger: silentLogger() });
    const server = inventoryServer(host, { containers: ['samaconso_api_1'] });
    try {
      const output = await pool.run(
        server,
        dockerLogs(server, 'samaconso_api_1', 100),
        AbortSignal.timeout(5000),
      );
      expect(output.truncated).toBe(true);
      expect(output.stdout.length).toBe(OUTPUT_CAP_BYTES);
    } finally {
      await pool.close();
    }
  });

  it('lets a mutating command run to its end past the cap, keeping the start and the end of its output', async () => {
    mode('floodlines');
    rmSync(join(doubleState, 'finished'), { force: true });
    const pool = createSshPool({ timeoutMs: 3000, logger: silentLogger() });
    const server = inventoryServer(host);
    try {
      // The budget comes from the work's own length on this machine now (3000 lines through sshd),
      // so that what is tested is the cap, not the machine's speed.
      const started = performance.now();
      await pool.run(server, dockerImagePrune(server, 72), AbortSignal.timeout(120_000), 120_000);
      const budgetMs = Math.round(Math.max(3000, 5 * (performance.now() - started)));
      rmSync(join(doubleState, 'finished'), { force: true });
      const output = await pool.run(
        server,
        dockerImagePrune(server, 72),
        AbortSignal.timeout(budgetMs + 5000),
        budgetMs,
      );
      expect(output).toMatchObject({ code: 0, truncated: true });
      expect(output.stdout.startsWith('deleted: sha256:0-')).toBe(true);
      expect(output.stdout.endsWith('\nTotal reclaimed space: 1B\n')).toBe(true);
      expect(output.stdout.length).toBeLessThanOrEqual(OUTPUT_CAP_BYTES + OUTPUT_TAIL_BYTES);
      // Whole lines only: every line kept is one the double printed.
      for (const line of output.stdout.trimEnd().split('\n'))
        expect(line).toMatch(/^deleted: sha256:\d+-\d{80}$|^Total reclaimed space: 1B$/);
      expect(existsSync(join(doubleState, 'finished'))).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('closes the channel of a hung command at its budget, and on abort', async () => {
    mode('hang');
    const pool = createSshPool({ timeoutMs: 3000, logger: silentLogger() });
    const server = inventoryServer(host);
    try {
      await pool.run(server, hostTrue(), AbortSignal.timeout(5000));
      // Which bound ended the command is in the error's code: the 500 ms budget, not the 10 s signal.
      const timedOut = await pool
        .run(server, dockerPs(), AbortSignal.timeout(10_000), 500)
        .catch((error) => error);
      expect(isRemoteError(timedOut, 'REMOTE_COMMAND_TIMEOUT')).toBe(true);

      const aborted = await pool.run(server, dockerPs(), AbortSignal.timeout(300)).catch((error) => error);
      expect(isRemoteError(aborted, 'REMOTE_ABORTED')).toBe(true);
      // The remote process ends: by the TERM sent first (sshd relays a signal to the session of a
      // non-root login such as samaops, not to root's), or by `timeout -k 5 3` at the latest.
      await expect.poll(hungProcesses, { timeout: 20_000 }).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('refuses a host key other than the pinned one, naming the server and both fingerprints', async () => {
    const wrong = `SHA256:${'B'.repeat(43)}`;
    const pool = createSshPool({ timeoutMs: 3000, logger: silentLogger() });
    try {
      const error = await pool
        .run(inventoryServer(host, { hostKeyFingerprint: wrong }), hostTrue(), AbortSignal.timeout(5000))
        .catch((caught) => caught);
      expect(isRemoteError(error, 'HOST_KEY_MISMATCH')).toBe(true);
      expect(error.message).toContain('pooltest');
      expect(error.message).toContain(wrong);
      expect(error.message).toContain(host.hostKeyFingerprint);
      expect(pool.stats().connects).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('accepts any host key only when told to, with a warning at every connect', async () => {
    const { logger, lines } = logged();
    const pool = createSshPool({ timeoutMs: 3000, logger });
    const server = inventoryServer(host, { hostKeyFingerprint: undefined, insecureAcceptAnyHostKey: true });
    try {
      await pool.run(server, hostTrue(), AbortSignal.timeout(5000));
      await host.killSessions();
      await pool.run(server, hostTrue(), AbortSignal.timeout(5000));
      const warnings = lines().filter((line) => line.level === 40 && line.server === 'pooltest');
      expect(warnings).toHaveLength(2);
      expect(warnings[0]?.presented).toBe(host.hostKeyFingerprint);
    } finally {
      await pool.close();
    }
  });

  it('costs only its handshake budget on a host that accepts TCP and never answers', async () => {
    const sockets: { destroy(): void }[] = [];
    const blackHole: NetServer = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(2222, '127.0.0.52', resolve));
    const pool = createSshPool({ timeoutMs: 600, logger: silentLogger() });
    const server = inventoryServer(host, { name: `hole-${randomUUID().slice(0, 8)}`, host: '127.0.0.52' });
    try {
      const started = performance.now();
      const error = await pool.run(server, hostTrue(), AbortSignal.timeout(10_000)).catch((caught) => caught);
      const elapsed = performance.now() - started;
      // The handshake's own budget (600 ms) ended it, not the 10 s signal: the code says which.
      expect(isRemoteError(error, 'SSH_HANDSHAKE_TIMEOUT')).toBe(true);
      expect(elapsed).toBeGreaterThan(500);
    } finally {
      await pool.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => blackHole.close(resolve));
    }
  });

  it('leaves no double process running after the timeouts', () => {
    expect(readdirSync(doubleState).filter((name) => name.startsWith('running.'))).toEqual([]);
  });
});
