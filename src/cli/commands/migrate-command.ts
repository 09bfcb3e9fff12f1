import { parseArgs } from 'node:util';
import { DeploymentError } from '../../config/deployment-error.js';
import { createLogger } from '../../logging/logger.js';
import { scrubSecrets } from '../../logging/scrub-secrets.js';
import { createBotDatabase } from '../../store/bot-database.js';
import { migrate, shippedMigrations } from '../../store/migrate.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';

/** sysexits EX_UNAVAILABLE: the bot database did not answer; systemd retries the unit. */
const UNAVAILABLE = 69;

/**
 * `samaops migrate`: applies the bot database's pending migrations (DATABASE_URL) under the
 * advisory lock, and says which. The unit runs it as ExecStartPre, so an upgrade migrates once
 * before the new bot starts. A schema newer than this samaops is refused, untouched (exit 78).
 */
export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, allowPositionals: false, options: {} });
  const url = io.env.DATABASE_URL;
  if (!url) {
    io.stderr.write('samaops: DATABASE_URL is not set: it names the bot database to migrate\n');
    return EXIT.config;
  }
  const pool = createBotDatabase(url, createLogger({ level: io.env.LOG_LEVEL ?? 'warn' }), { max: 1 });
  try {
    const shipped = shippedMigrations();
    let applied: string[];
    try {
      applied = await migrate(pool, shipped);
    } catch (error) {
      if (error instanceof DeploymentError) throw error;
      io.stderr.write(`samaops: migrate: ${scrubSecrets((error as Error).message)}\n`);
      return /^migration \S+ failed/.test((error as Error).message) ? EXIT.software : UNAVAILABLE;
    }
    io.stdout.write(
      applied.length === 0
        ? `bot database up to date: ${shipped.length} migrations, none pending\n`
        : `applied ${applied.length} of ${shipped.length} migrations: ${applied.join(', ')}\n`,
    );
    return EXIT.ok;
  } finally {
    await pool.end().catch(() => undefined);
  }
}
