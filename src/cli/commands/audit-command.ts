import { parseArgs } from 'node:util';
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
  if (positionals.length > 1) throw new UsageError('audit takes "verify" or a number of entries');
  const [what] = positionals;
  const count = what === undefined ? DEFAULT_COUNT : Number(what);
  if (what !== 'verify' && !(Number.isInteger(count) && count >= 1 && count <= 1000))
    throw new UsageError(
      `audit: "${String(what).slice(0, 20)}" is neither "verify" nor a number from 1 to 1000`,
    );
  const url = io.env.DATABASE_URL;
  if (!url) {
    io.stderr.write('samaops: DATABASE_URL is not set: it names the bot database holding the audit log\n');
    return EXIT.config;
  }
  const pool = createBotDatabase(url, createLogger({ level: io.env.LOG_LEVEL ?? 'warn' }), { max: 2 });
  try {
    if (what === 'verify') {
      const verdict = await verifyAuditChain(pool);
      if (!verdict.ok) {
        io.stderr.write(
          `audit log BROKEN at row ${verdict.rowId} (${verdict.fault}); ${verdict.rows} rows before it are intact\n`,
        );
        return EXIT.fail;
      }
      const head = await auditHead(pool);
      io.stdout.write(`audit log OK: ${verdict.rows} rows chained; head hash ${head.lastHash}\n`);
      return EXIT.ok;
    }
    const entries = await latestAudit(pool, count);
    io.stdout.write(entries.length === 0 ? 'audit log empty\n' : `${entries.map(auditLine).join('\n')}\n`);
    return EXIT.ok;
  } finally {
    await pool.end();
  }
}
