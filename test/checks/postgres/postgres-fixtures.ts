import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { parseInventory } from '../../../src/config/load-inventory.js';
import type { Inventory } from '../../../src/config/schema.js';
import { eventuallyValue } from '../../support/eventually.js';

/** The machine's PostgreSQL 15, trust auth for `postgres` on loopback. */
export const ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A unique name usable as an unquoted SQL identifier. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}

/** A connected client; the caller ends it. */
export async function connect(url = ADMIN_URL): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // A backend terminated on purpose must not crash the test process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** The server process id of a client's session (pg does not type the one it keeps). */
export async function backendPid(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = rows[0]?.pid;
  if (pid === undefined) throw new Error('pg_backend_pid() returned no row');
  return pid;
}

/** A database of its own, so that statistics and extensions of one test touch nothing else. */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = uniqueName('samaops_test');
  const admin = await connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://postgres@127.0.0.1:5432/${name}`,
    async drop() {
      const client = await connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A validated inventory with only PostgreSQL at `url`, through the real loader. */
export function postgresInventory(
  url: string,
  options: { maxConnections?: number; thresholds?: Record<string, unknown>; checkTimeoutMs?: number } = {},
): Inventory {
  const text = JSON.stringify({
    checkTimeoutMs: options.checkTimeoutMs ?? 3000,
    services: { postgres: { url, maxConnections: options.maxConnections } },
    thresholds: options.thresholds ?? {},
  });
  return parseInventory(text, '/tmp/samaops-postgres-test.yml', {});
}

/** Waits until `probe` returns a value other than undefined (the shared vi.waitFor loop). */
export const waitFor = eventuallyValue;
