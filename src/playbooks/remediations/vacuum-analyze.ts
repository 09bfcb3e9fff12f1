import type pg from 'pg';
import { escapeIdentifier } from 'pg';
import { isoTimestampSql } from '../../checks/postgres/iso-timestamp-sql.js';
import type { Remediation, RemediationArgs, RemediationContext } from '../../core/remediation/remediation.js';
import { msg } from '../../i18n/message.js';
import { withPostgresAdmin } from '../../platform/postgres-admin.js';
import { cappedOutput } from './capped-output.js';
import { accepted, refusedUsage } from './parse-words.js';
import { postgresTargetName } from './postgres-remediation-target.js';
import { RemediationError } from './remediation-error.js';

/** A plain (unquoted) PostgreSQL identifier: what `vacuum [table]` accepts, optionally schema-qualified. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** PostgreSQL's own schemas: their tables are system catalogs, not targets of `/sama vacuum`. */
const SYSTEM_SCHEMA = /^(pg_catalog|information_schema|pg_toast.*)$/;
/** A VACUUM of the whole database may take long: its client-side bound, ms. */
const VACUUM_TIMEOUT_MS = 30 * 60_000;

/** The table found in the catalog: schema and name as PostgreSQL spells them. */
interface FoundTable {
  schema: string;
  table: string;
}

/** pg_stat_user_tables facts kept before and compared after. */
interface TableStats {
  schema: string;
  table: string;
  n_dead_tup: string;
  last_vacuum: string | null;
  last_analyze: string | null;
}

const STATS_SQL = `
  SELECT schemaname AS schema, relname AS table, n_dead_tup::text AS n_dead_tup,
         ${isoTimestampSql('greatest(last_vacuum, last_autovacuum)')} AS last_vacuum,
         ${isoTimestampSql('greatest(last_analyze, last_autoanalyze)')} AS last_analyze
  FROM pg_stat_user_tables`;

const usage = msg('usage.vacuum');

/** Runbook 10.1 Problème 3 and the weekly script: `VACUUM ANALYZE`, of the database or one table. */
export const vacuumAnalyze: Remediation = {
  id: 'vacuum',
  usage,
  parse(words) {
    if (words.length === 0) return accepted({});
    const [word] = words;
    if (words.length > 1 || word === undefined) return refusedUsage(usage);
    const parts = word.split('.');
    if (parts.length > 2 || !parts.every((part) => PLAIN_NAME.test(part))) {
      return {
        ok: false,
        reason: msg('fix.vacuum.badName', { given: Array.from(word).slice(0, 40).join('') }),
      };
    }
    return accepted({ table: word });
  },
  tier: () => 1,
  targetKey: (args, inventory) =>
    `postgres-vacuum:${postgresTargetName(inventory)}${typeof args.table === 'string' ? `/${args.table}` : ''}`,
  targetLabel: (args, inventory) =>
    typeof args.table === 'string' ? args.table : postgresTargetName(inventory),
  async preview(context, args) {
    const found = await findTable(context, args);
    const statement = vacuumStatement(found);
    return {
      lines: [msg('fix.vacuum.preview', { statement, target: postgresTargetName(context.inventory) })],
      data: { statement, ...(found ? { schema: found.schema, table: found.table } : {}) },
    };
  },
  async evidence(context, args) {
    const found = await findTable(context, args);
    return { tables: await tableStats(context, found) };
  },
  async run(context, args) {
    // Looked up again: the table may have been dropped or renamed since the preview.
    const found = await findTable(context, args);
    const statement = vacuumStatement(found);
    const started = new Date().toISOString();
    const notices: string[] = [];
    await withPostgresAdmin(
      context.inventory,
      { signal: context.signal, logger: context.logger, queryTimeoutMs: VACUUM_TIMEOUT_MS },
      async (client) => {
        client.on('notice', (notice) => notices.push(`${notice.severity ?? 'NOTICE'}: ${notice.message}`));
        // One statement outside any transaction block: VACUUM refuses to run inside one, and
        // PgBouncer's transaction mode gives a single statement a server connection of its own.
        await client.query(statement);
      },
    );
    const after = await tableStats(context, found);
    return {
      ok: true,
      summary: msg('fix.vacuum.done', { statement, warnings: notices.length }),
      output: cappedOutput([`${statement}  (started ${started})`, ...notices]),
      data: { statement, tables: after },
    };
  },
  verifiedBy: (_args, inventory) => [{ id: 'postgres.ping', target: postgresTargetName(inventory) }],
};

/** The statement, from catalog names quoted by the identifier escaping: never raw user text. */
function vacuumStatement(found: FoundTable | undefined): string {
  if (!found) return 'VACUUM (ANALYZE)';
  return `VACUUM (ANALYZE) ${escapeIdentifier(found.schema)}.${escapeIdentifier(found.table)}`;
}

/**
 * The stored table name, re-validated and looked up in pg_class/pg_namespace (ordinary and
 * partitioned tables and materialized views). Unquoted names fold to lower case and an unqualified
 * one follows the search_path, exactly as PostgreSQL reads `VACUUM name`. A name that is not found,
 * or is a system catalog (`pg_class`), is refused with the tables one may name instead.
 */
async function findTable(
  context: RemediationContext,
  args: RemediationArgs,
): Promise<FoundTable | undefined> {
  if (args.table === undefined) return undefined;
  const name = args.table;
  const parts = typeof name === 'string' ? name.split('.') : [];
  if (parts.length === 0 || parts.length > 2 || !parts.every((part) => PLAIN_NAME.test(part))) {
    throw new RemediationError(
      'REMEDIATION_ARGS_INVALID',
      msg('fix.vacuum.badName', { given: String(name) }),
      'bad table name',
    );
  }
  const [schema, table] = parts.length === 2 ? parts : [undefined, parts[0]];
  const { rows } = await context.clients.postgres().query<FoundTable>(
    `SELECT n.nspname AS schema, c.relname AS table
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'm')
       AND c.relname = lower($2)
       AND ($1::text IS NULL AND pg_table_is_visible(c.oid) OR n.nspname = lower($1::text))
     LIMIT 1`,
    [schema ?? null, table],
  );
  const found = rows[0];
  if (!found) {
    throw new RemediationError(
      'REMEDIATION_TARGET_GONE',
      msg('fix.vacuum.noSuchTable', { table: String(name), valid: await candidateTables(context) }),
      `table ${String(name)} not found`,
    );
  }
  if (SYSTEM_SCHEMA.test(found.schema)) {
    throw new RemediationError(
      'REMEDIATION_ARGS_INVALID',
      msg('fix.vacuum.systemCatalog', {
        table: `${found.schema}.${found.table}`,
        valid: await candidateTables(context),
      }),
      `${found.schema}.${found.table} is a system catalog`,
    );
  }
  return found;
}

/** What a refusal lists: the user tables with the most dead tuples (at most 10), or `—`. */
async function candidateTables(context: RemediationContext): Promise<string> {
  const { rows } = await context.clients.postgres().query<{ name: string }>(
    `SELECT schemaname || '.' || relname AS name FROM pg_stat_user_tables
       ORDER BY n_dead_tup DESC, schemaname, relname LIMIT 10`,
  );
  return rows.length > 0 ? rows.map((row) => row.name).join(', ') : '—';
}

/** Dead tuples and last (auto)vacuum/analyze of the table, or of the 10 tables with most dead tuples. */
async function tableStats(context: RemediationContext, found: FoundTable | undefined): Promise<TableStats[]> {
  const reader = context.clients.postgres();
  const result: pg.QueryResult<TableStats> = found
    ? await reader.query<TableStats>(`${STATS_SQL} WHERE schemaname = $1 AND relname = $2`, [
        found.schema,
        found.table,
      ])
    : await reader.query<TableStats>(`${STATS_SQL} ORDER BY n_dead_tup DESC LIMIT 10`);
  return result.rows;
}
