import pg from 'pg';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';

/** Connections of the bot's pool; the workers' concurrency is checked against it (`src/jobs/`). */
export const BOT_POOL_SIZE = 10;

/**
 * The bot's own PostgreSQL (`DATABASE_URL`): stored remediation requests, the audit log,
 * incidents and reports. Distinct from the watched platform's database. One pool per process.
 */
export function createBotDatabase(url: string, logger: Logger, options: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? BOT_POOL_SIZE,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    application_name: 'samaops-bot',
  });
  // Without this listener an idle client killed by the server crashes the process.
  pool.on('error', (error) =>
    logger.warn({ err: scrubSecrets(error.message) }, 'bot database idle client error'),
  );
  return pool;
}
