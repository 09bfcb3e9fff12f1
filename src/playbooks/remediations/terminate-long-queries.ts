import { isoTimestampSql } from '../../checks/postgres/iso-timestamp-sql.js';
import { longSessionsSql } from '../../checks/postgres/long-running-filter.js';
import type { LongQuery } from '../../checks/postgres/postgres-long-queries.js';
import { statementExcerpt } from '../../checks/postgres/statement-excerpt.js';
import type { Remediation, RemediationPreview } from '../../core/remediation/remediation.js';
import { msg } from '../../i18n/message.js';
import { withPostgresAdmin } from '../../platform/postgres-admin.js';
import { cappedOutput } from './capped-output.js';
import { parseDurationSeconds } from './parse-duration.js';
import { accepted, numberArg, refusedUsage } from './parse-words.js';
import { postgresTargetName } from './postgres-remediation-target.js';

/** Most sessions one request may list and terminate. */
const MAX_LISTED = 100;
/** How long pg_terminate_backend waits for each backend to be gone, ms (PostgreSQL 14+). */
const TERMINATE_WAIT_MS = 5000;

/**
 * Non-idle client sessions older than $1 seconds, oldest first, as the long-query check sees
 * them, minus the bot's own sessions (checks and remediations). Times as exact text, microseconds
 * included, so that `run` can compare them.
 */
const CANDIDATES_SQL = longSessionsSql({ excludeBot: true, limit: MAX_LISTED });

/** pg_stat_activity rows kept as evidence (PRODUCT.md §3): everything but the full query text. */
const EVIDENCE_SQL = longSessionsSql({
  columns: `pid, usename, application_name, client_addr::text AS client_addr, state,
         wait_event_type, wait_event,
         ${isoTimestampSql('backend_start')} AS backend_start,
         ${isoTimestampSql('xact_start')} AS xact_start,
         ${isoTimestampSql('query_start')} AS query_start,
         ${isoTimestampSql('state_change')} AS state_change,
         left(query, 1000) AS query`,
  excludeBot: true,
  limit: MAX_LISTED,
});

/**
 * Terminates each previewed pid only if it still has the previewed backend_start AND query_start:
 * a pid reused by a new session, or a session that moved on to another query, is skipped. One
 * statement, so the comparison and the signal happen together.
 */
const TERMINATE_SQL = `
  SELECT t.pid, a.pid IS NOT NULL AS same,
         CASE WHEN a.pid IS NOT NULL THEN pg_terminate_backend(a.pid, ${TERMINATE_WAIT_MS}) END AS terminated
  FROM unnest($1::int[], $2::timestamptz[], $3::timestamptz[]) AS t(pid, backend_start, query_start)
  LEFT JOIN pg_stat_activity a
    ON a.pid = t.pid AND a.backend_start = t.backend_start AND a.query_start = t.query_start
  ORDER BY t.pid`;

interface CandidateRow {
  pid: number;
  user: string | null;
  age_seconds: number;
  backend_start: string;
  query_start: string;
  query: string | null;
}

// An example value rather than a word: the usage line is shown as is in both languages.
const usage = msg('usage.killQueries');

/** Runbook 10.1 Problème 3: `pg_terminate_backend` on queries running longer than a threshold. */
export const terminateLongQueries: Remediation = {
  id: 'kill-queries',
  usage,
  parse(words, inventory) {
    if (words.length === 0) return accepted({ olderThanSeconds: inventory.thresholds.longQuerySeconds });
    const [word] = words;
    if (words.length > 1 || word === undefined) return refusedUsage(usage);
    const seconds = parseDurationSeconds(word);
    if (seconds === undefined) {
      return {
        ok: false,
        reason: msg('fix.killQueries.badDuration', { given: Array.from(word).slice(0, 40).join('') }),
      };
    }
    return accepted({ olderThanSeconds: seconds });
  },
  tier: () => 2,
  targetKey: (_args, inventory) => `postgres:${postgresTargetName(inventory)}`,
  targetLabel: (args, inventory) =>
    `${postgresTargetName(inventory)} > ${numberArg(args, 'olderThanSeconds')} s`,
  async preview(context, args) {
    const seconds = numberArg(args, 'olderThanSeconds');
    const { rows } = await context.clients.postgres().query<CandidateRow>(CANDIDATES_SQL, [seconds]);
    const queries: LongQuery[] = rows.map((row) => ({
      pid: row.pid,
      user: row.user ?? '?',
      ageSeconds: Math.round(row.age_seconds),
      backendStart: row.backend_start,
      queryStart: row.query_start,
      query: statementExcerpt(row.query),
    }));
    const lines =
      queries.length === 0
        ? [msg('fix.killQueries.none', { seconds })]
        : queries.map((query) =>
            msg('fix.killQueries.preview', {
              pid: query.pid,
              user: query.user,
              age: query.ageSeconds,
              query: query.query,
              backendStart: query.backendStart,
              queryStart: query.queryStart,
            }),
          );
    return { lines, data: { olderThanSeconds: seconds, queries } };
  },
  async evidence(context, args) {
    const seconds = numberArg(args, 'olderThanSeconds');
    const { rows } = await context.clients.postgres().query(EVIDENCE_SQL, [seconds]);
    return { olderThanSeconds: seconds, pgStatActivity: rows };
  },
  async run(context, _args, preview) {
    const queries = previewedQueries(preview);
    if (queries.length === 0) {
      return {
        ok: true,
        summary: msg('fix.killQueries.nothing'),
        output: '',
        data: { terminated: [], skipped: [] },
      };
    }
    const { rows } = await withPostgresAdmin(
      context.inventory,
      { signal: context.signal, logger: context.logger, queryTimeoutMs: TERMINATE_WAIT_MS * 4 },
      (client) =>
        client.query<{ pid: number; same: boolean; terminated: boolean | null }>(TERMINATE_SQL, [
          queries.map((query) => query.pid),
          queries.map((query) => query.backendStart),
          queries.map((query) => query.queryStart),
        ]),
    );
    const terminated = rows.filter((row) => row.same && row.terminated).map((row) => row.pid);
    const skipped = rows.filter((row) => !row.same).map((row) => row.pid);
    const refused = rows.filter((row) => row.same && !row.terminated).map((row) => row.pid);
    // The transcript is what PostgreSQL answered; which pid was skipped and why is the summary's.
    const output = rows
      .filter((row) => row.same)
      .map((row) => `pg_terminate_backend(${row.pid}) → ${row.terminated === true}`);
    const list = (pids: number[]) => (pids.length > 0 ? pids.join(', ') : '—');
    return {
      ok: refused.length === 0,
      summary: msg(refused.length === 0 ? 'fix.killQueries.done' : 'fix.killQueries.refused', {
        terminated: list(terminated),
        skipped: list(skipped),
        refused: list(refused),
      }),
      output: cappedOutput(output),
      data: { terminated, skipped, refused },
    };
  },
  verifiedBy: (_args, inventory) => [{ id: 'postgres.long_queries', target: postgresTargetName(inventory) }],
};

/** The sessions stored in the preview: only well-formed entries are ever acted on. */
function previewedQueries(
  preview: RemediationPreview,
): Pick<LongQuery, 'pid' | 'backendStart' | 'queryStart'>[] {
  const queries = preview.data.queries;
  if (!Array.isArray(queries)) return [];
  return queries.flatMap((entry: unknown) => {
    const { pid, backendStart, queryStart } = (entry ?? {}) as Record<string, unknown>;
    const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
    if (!Number.isInteger(pid) || typeof backendStart !== 'string' || typeof queryStart !== 'string')
      return [];
    if (!timestamp.test(backendStart) || !timestamp.test(queryStart)) return [];
    return [{ pid: pid as number, backendStart, queryStart }];
  });
}
