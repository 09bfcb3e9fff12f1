import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { type Inventory, inventorySchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients, type PlatformClients } from '../../src/platform/platform-clients.js';
import { DEFAULT_SUDO_TOOLS } from '../../src/remote/wrapper/sudoers.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { inventoryServer, type SshHost, startSshHost } from '../support/ssh-host.js';
import { installSudoers, inventorySudoers } from '../support/sudoers.js';

/**
 * One real sshd for the maintenance-step tests (not the lab): its sessions find on their PATH a
 * Docker double for `image prune`, and wrappers of the real find and gzip that can be made slow.
 * The "server" shares this machine's filesystem: files made under `dir` are the server's files.
 */

// The wrappers run the real tool, after `$STATE/slow` seconds when that file exists.
const SLOW_WRAPPER = (tool: string) => `#!/bin/sh
[ -f "$MAINTENANCE_STATE/slow" ] && sleep "$(cat "$MAINTENANCE_STATE/slow")"
exec ${tool} "$@"
`;

// docker image prune -af --filter until=Nh, as Docker 24 prints it; `$STATE/prune` picks the answer.
const DOCKER_DOUBLE = `#!/bin/sh
[ -f "$MAINTENANCE_STATE/slow" ] && sleep "$(cat "$MAINTENANCE_STATE/slow")"
[ "$1 $2" = "image prune" ] || { echo "docker double: unsupported: $*" >&2; exit 2; }
case "$(cat "$MAINTENANCE_STATE/prune" 2>/dev/null)" in
  fail) echo "Error response from daemon: a prune operation is already running" >&2; exit 1 ;;
  flood)
    echo "Deleted Images:"
    i=0
    while [ $i -lt 2000 ]; do
      echo "deleted: sha256:$(printf '%064d' $i)"
      i=$((i + 1))
    done
    echo
    echo "Total reclaimed space: 2.5GB" ;;
  *)
    echo "Deleted Images:"
    echo "untagged: samaconso/api:1.4.1"
    echo "deleted: sha256:4b1f0c9d2e7a4b1f0c9d2e7a4b1f0c9d2e7a4b1f0c9d2e7a4b1f0c9d2e7a0001"
    echo
    echo "Total reclaimed space: 12.5MB" ;;
esac
`;

/** The host, a scratch bot database for the audit log, and an inventory naming both. */
export interface MaintenanceHost {
  host: SshHost;
  /** Scratch directory: `backups/` and `logs/` live here. */
  dir: string;
  backupDir: string;
  logDir: string;
  pool: pg.Pool;
  /** Makes every find, gzip and docker of the host wait `seconds` first; 0 for no wait. */
  slow(seconds: number): void;
  /** Picks the prune answer: `ok` (12.5MB), `flood` (2000 deleted lines) or `fail`. */
  prune(mode: 'ok' | 'flood' | 'fail'): void;
  /** An inventory holding this host only, every maintenance step enabled on it. */
  inventory(fields?: Record<string, unknown>): Inventory;
  /** Fresh clients for `inventory`; the caller closes them. */
  clients(inventory: Inventory): PlatformClients;
  stop(): Promise<void>;
}

/** Starts the host on `address` (127.0.0.50 and up are free of the lab). */
export async function startMaintenanceHost(name: string, address: string): Promise<MaintenanceHost> {
  const dir = mkdtempSync(join(tmpdir(), `samaops-${name}-`));
  // The bot logs in as samaops: it must reach its login files, the doubles and the files it reads.
  chmodSync(dir, 0o755);
  const bin = join(dir, 'bin');
  const state = join(dir, 'state');
  const backupDir = join(dir, 'backups');
  const logDir = join(dir, 'logs');
  for (const path of [bin, state, backupDir, logDir]) mkdirSync(path, { recursive: true });
  for (const [file, text] of [
    ['find', SLOW_WRAPPER('/usr/bin/find')],
    ['gzip', SLOW_WRAPPER('/usr/bin/gzip')],
    ['docker', DOCKER_DOUBLE],
  ] as const) {
    writeFileSync(join(bin, file), text);
    chmodSync(join(bin, file), 0o755);
  }
  const host = await startSshHost({
    name,
    address,
    port: 2222,
    stateDir: join(dir, 'sshd'),
    pathDirs: [bin],
    env: { MAINTENANCE_STATE: state },
  });
  const inventoryOf = (fields: Record<string, unknown> = {}) =>
    inventorySchema.parse({
      checkTimeoutMs: 3000,
      servers: [inventoryServer(host, { logGlobs: [`${logDir}/*.log`] })],
      reports: {
        backups: [{ server: name, directory: backupDir, deleteOld: true }],
        gzipLogsOn: [name],
        pruneImagesOn: [name],
      },
      ...fields,
    });
  // Deleting backups and gzipping logs go through sudo, with the rules the bot's own command prints
  // (this host's find is the slow wrapper, so the rules name it).
  const removeSudoers = installSudoers(
    `samaops-test-${name}`,
    inventorySudoers(inventoryOf(), { tools: { ...DEFAULT_SUDO_TOOLS, find: join(bin, 'find') } }),
  );
  const database: ScratchDatabase = await createScratchDatabase();
  const pool = createBotDatabase(database.url, silentLogger());
  await migrate(pool);
  return {
    host,
    dir,
    backupDir,
    logDir,
    pool,
    slow(seconds) {
      if (seconds > 0) writeFileSync(join(state, 'slow'), String(seconds));
      else rmSync(join(state, 'slow'), { force: true });
    },
    prune(mode) {
      writeFileSync(join(state, 'prune'), mode);
    },
    inventory: inventoryOf,
    clients: (inventory) => createPlatformClients(inventory, silentLogger()),
    async stop() {
      await pool.end();
      await database.drop();
      await host.stop();
      removeSudoers();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
