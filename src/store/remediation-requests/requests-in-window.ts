import type pg from 'pg';
import type { StoredRequest } from '../../core/remediation/request-state.js';
import type { AuditEntry } from '../audit/audit-entry.js';
import { entryFromRow } from '../audit/audit-log.js';
import { fromRow, type RequestRow } from './request-row.js';

/** A remediation that ran, with who approved it and every audit entry about it. */
export interface RanRemediation {
  request: StoredRequest;
  approvals: { approver: string; at: Date }[];
  /** The audit log's entries of this request, in chain order (requested … succeeded). */
  audit: AuditEntry[];
}

/**
 * The remediations that started running in [from, to] (an incident's lifetime), oldest first,
 * with their approvals and audit entries: what a post-mortem says was done.
 */
export async function remediationsRunBetween(pool: pg.Pool, from: Date, to: Date): Promise<RanRemediation[]> {
  const { rows } = await pool.query<RequestRow>(
    `SELECT * FROM remediation_requests
      WHERE started_at IS NOT NULL AND started_at >= $1 AND started_at <= $2
      ORDER BY started_at, id`,
    [from, to],
  );
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [approvals, audit] = await Promise.all([
    pool.query<{ request_id: string; approver: string; at: Date }>(
      'SELECT request_id, approver, at FROM remediation_approvals WHERE request_id = ANY($1) ORDER BY at',
      [ids],
    ),
    pool.query<Parameters<typeof entryFromRow>[0]>(
      'SELECT * FROM audit_log WHERE request_id = ANY($1) ORDER BY id',
      [ids],
    ),
  ]);
  return rows.map((row) => ({
    request: fromRow(row),
    approvals: approvals.rows
      .filter((approval) => approval.request_id === row.id)
      .map((approval) => ({ approver: approval.approver, at: approval.at })),
    audit: audit.rows.filter((entry) => entry.request_id === row.id).map(entryFromRow),
  }));
}
