import type pg from 'pg';
import { DeploymentError } from '../config/deployment-error.js';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import { createBotDatabase } from './bot-database.js';
import { migrate } from './migrate.js';

/** The bot's own database as the handlers see it. `pool` is absent when `DATABASE_URL` is not set. */
export interface BotStore {
  pool: pg.Pool | undefined;
  close(): Promise<void>;
}

/**
 * Opens the bot's database and applies its migrations. A database that is down at start does not
 * stop the bot: diagnostics still work, and whatever needs the store (remediations and their audit,
 * incidents) refuses with a clear message until it answers; migrations are retried by `ensureMigrated`.
 * A schema newer than the code stops the start (`DeploymentError`).
 */
export async function openBotStore(
  url: string | undefined,
  logger: Logger,
): Promise<BotStore & { migrated: boolean }> {
  if (!url) return { pool: undefined, migrated: false, close: async () => undefined };
  const pool = createBotDatabase(url, logger);
  let migrated = false;
  try {
    const applied = await migrate(pool);
    migrated = true;
    if (applied.length > 0) logger.info({ applied }, 'bot database migrated');
  } catch (error) {
    if (error instanceof DeploymentError) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    logger.error({ err: scrubSecrets((error as Error).message) }, 'bot database unavailable at start');
  }
  return { pool, migrated, close: () => pool.end() };
}
