import pg from 'pg';
import type { Inventory } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import { ServiceNotConfiguredError } from './platform-clients.js';

/** Options of one administrative session. */
export interface PostgresAdminOptions {
  /** Client-side bound of each statement, ms. Default 60000 (a VACUUM of one table). */
  queryTimeoutMs?: number;
  /** Aborts the session: the connection is closed, which ends its statements. */
  signal: AbortSignal;
  logger: Logger;
}

/**
 * A short-lived WRITABLE connection to the monitored PostgreSQL (`services.postgres.url`), for
 * remediations only: the checks' reader is read-only on purpose. One client per remediation,
 * closed afterwards, so nothing stays open between actions. No session state is set: behind
 * PgBouncer in transaction mode a session `SET` would leak to other clients; bounds are set with
 * `SET LOCAL` inside a transaction, or, for statements that cannot run in one (VACUUM), on the
 * client side.
 */
export async function withPostgresAdmin<T>(
  inventory: Inventory,
  options: PostgresAdminOptions,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const postgres = inventory.services.postgres;
  if (!postgres) throw new ServiceNotConfiguredError('postgres');
  options.signal.throwIfAborted();
  const client = new pg.Client({
    connectionString: postgres.url,
    connectionTimeoutMillis: Math.max(1000, inventory.checkTimeoutMs),
    query_timeout: options.queryTimeoutMs ?? 60_000,
    application_name: 'samaops-remediation',
  });
  // Without this listener a connection killed by the server crashes the process.
  client.on('error', (error) =>
    options.logger.warn({ err: scrubSecrets(error.message) }, 'postgres admin connection error'),
  );
  const onAbort = () => {
    client.end().catch(() => undefined);
  };
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    return await work(client);
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    await client.end().catch(() => undefined);
  }
}
