import { parseArgs } from 'node:util';
import { localeFromEnv } from '../../config/config-locale.js';
import { DeploymentError } from '../../config/deployment-error.js';
import { type Message, msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
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
  // No inventory here: the language is SAMAOPS_LOCALE's, French by default.
  const locale = localeFromEnv(io.env).locale ?? 'fr';
  const say = (message: Message) => `${translate(locale, message)}\n`;
  const url = io.env.DATABASE_URL;
  if (!url) {
    io.stderr.write(say(msg('cli.migrate.noDatabase')));
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
      io.stderr.write(say(msg('cli.migrate.failed', { reason: scrubSecrets((error as Error).message) })));
      return /^migration \S+ failed/.test((error as Error).message) ? EXIT.software : UNAVAILABLE;
    }
    io.stdout.write(
      say(
        applied.length === 0
          ? msg('cli.migrate.upToDate', { count: shipped.length })
          : msg('cli.migrate.applied', {
              applied: applied.length,
              total: shipped.length,
              names: applied.join(', '),
            }),
      ),
    );
    return EXIT.ok;
  } finally {
    await pool.end().catch(() => undefined);
  }
}
