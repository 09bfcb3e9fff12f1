import { parseArgs } from 'node:util';
import { localeFromEnv } from '../../config/config-locale.js';
import { type Message, msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { createLogger } from '../../logging/logger.js';
import { auditLine } from '../../store/audit/audit-line.js';
import { auditHead, latestAudit } from '../../store/audit/audit-log.js';
import { verifyAuditChain } from '../../store/audit/verify-audit-chain.js';
import { createBotDatabase } from '../../store/bot-database.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';

/** Entries `samaops audit` shows without a count. */
const DEFAULT_COUNT = 20;

/**
 * `samaops audit verify`: walks the hash chain of the audit log (DATABASE_URL) and exits 2 naming
 * the first bad row. `samaops audit [n]`: prints the newest n entries (default 20).
 */
export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new UsageError(msg('cli.error.auditArgs'));
  const [what] = positionals;
  const count = what === undefined ? DEFAULT_COUNT : Number(what);
  if (what !== 'verify' && !(Number.isInteger(count) && count >= 1 && count <= 1000))
    throw new UsageError(msg('cli.error.auditCount', { given: String(what).slice(0, 20) }));
  // No inventory here: the language is SAMAOPS_LOCALE's, French by default.
  const locale = localeFromEnv(io.env).locale ?? 'fr';
  const t = (message: Message) => translate(locale, message);
  const url = io.env.DATABASE_URL;
  if (!url) {
    io.stderr.write(`${t(msg('cli.audit.noDatabase'))}\n`);
    return EXIT.config;
  }
  const pool = createBotDatabase(url, createLogger({ level: io.env.LOG_LEVEL ?? 'warn' }), { max: 2 });
  try {
    if (what === 'verify') {
      const verdict = await verifyAuditChain(pool);
      if (!verdict.ok) {
        const broken = msg('cli.audit.broken', {
          row: verdict.rowId,
          fault: verdict.fault,
          rows: verdict.rows,
        });
        io.stderr.write(`${t(broken)}\n`);
        return EXIT.fail;
      }
      const head = await auditHead(pool);
      io.stdout.write(`${t(msg('cli.audit.ok', { rows: verdict.rows, hash: head.lastHash }))}\n`);
      return EXIT.ok;
    }
    const entries = await latestAudit(pool, count);
    io.stdout.write(
      entries.length === 0 ? `${t(msg('cli.audit.empty'))}\n` : `${entries.map(auditLine).join('\n')}\n`,
    );
    return EXIT.ok;
  } finally {
    await pool.end();
  }
}
