import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { CheckContext, CheckId, CheckResult } from '../../../src/checks/check.js';
import { checkKinds } from '../../../src/checks/check-definitions.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import { type Inventory, inventorySchema, type serverSchema } from '../../../src/config/schema.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { createPlatformClients, type PlatformClients } from '../../../src/platform/platform-clients.js';
import { inventoryServer, type SshHost, startSshHost } from '../../support/ssh-host.js';

const DOCKER_DOUBLE = fileURLToPath(new URL('../../support/docker-ps-double.sh', import.meta.url));

/** One real sshd for a test file, with the docker-ps double on its PATH, and a way to run checks on it. */
export interface RemoteCheckHost {
  host: SshHost;
  /** A scratch directory on "the server" (same machine), removed at stop. */
  dir: string;
  /** Runs the checks `ids` against an inventory holding this one server, with fresh clients. */
  diagnose(
    ids: CheckId[],
    server?: Partial<z.input<typeof serverSchema>>,
    inventory?: Partial<z.input<typeof inventorySchema>>,
  ): Promise<{ results: CheckResult[]; clients: PlatformClients }>;
  stop(): Promise<void>;
}

/** Starts the host on `address` (use 127.0.0.50 and up: the lab owns 127.0.0.2-4). */
export async function startRemoteCheckHost(name: string, address: string): Promise<RemoteCheckHost> {
  const dir = mkdtempSync(join(tmpdir(), `samaops-${name}-`));
  // The bot logs in as samaops: it must reach the login files and the double, and read test files.
  chmodSync(dir, 0o755);
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  copyFileSync(DOCKER_DOUBLE, join(bin, 'docker'));
  chmodSync(join(bin, 'docker'), 0o755);
  const host = await startSshHost({
    name,
    address,
    port: 2222,
    stateDir: join(dir, 'sshd'),
    pathDirs: [bin],
  });
  return {
    host,
    dir,
    async diagnose(ids, server = {}, inventoryFields = {}) {
      const inventory: Inventory = inventorySchema.parse({
        checkTimeoutMs: 3000,
        ...inventoryFields,
        servers: [inventoryServer(host, server)],
      });
      const clients = createPlatformClients(inventory, silentLogger());
      const context: CheckContext = { inventory, clients };
      try {
        const checks = ids.flatMap((id) => checkKinds[id]?.instances(inventory) ?? []);
        const diagnosis = await runChecks(checks, context);
        return { results: diagnosis.results, clients };
      } finally {
        await clients.close();
      }
    },
    async stop() {
      await host.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
