import type pg from 'pg';
import type { RemediationId } from '../../core/remediation/remediation.js';
import type { StoredRequest } from '../../core/remediation/request-state.js';
import { appendAudit } from '../audit/audit-log.js';
import { inTransaction } from '../in-transaction.js';
import { about, fromRow, type RequestRow } from './request-row.js';

/** Advisory lock class of "storing a request for this target" (an arbitrary constant). */
const INSERT_LOCK = 7_243_101;

/** A request as the guard stores it. */
export type NewRequest = Omit<
  StoredRequest,
  'state' | 'createdAt' | 'startedAt' | 'finishedAt' | 'outcome' | 'messageTs'
>;

/** A stored request still waiting for approvals, with the same remediation and arguments as a new one. */
export interface PendingTwin {
  id: string;
  requester: string;
  channel: string;
  createdAt: Date;
}

/**
 * Stores a request and its audit row, unless a remediation is already approved or running on its
 * target (`busyWith`), or the same one with the same arguments still waits for approvals
 * (`pendingTwin`: the person is pointed to it, no second request piles up). Requests for one target
 * are stored one at a time (a transaction-scoped advisory lock), so two identical presses make one.
 */
export async function insertRequest(
  pool: pg.Pool,
  request: NewRequest,
): Promise<{ ok: true } | { ok: false; busyWith: string } | { ok: false; pendingTwin: PendingTwin }> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [INSERT_LOCK, request.targetKey]);
    const busy = await client.query<{ id: string }>(
      "SELECT id FROM remediation_requests WHERE target_key = $1 AND state IN ('approved', 'running') LIMIT 1",
      [request.targetKey],
    );
    if (busy.rows[0]) return { ok: false, busyWith: busy.rows[0].id };
    const twin = await client.query<{ id: string; requester: string; channel: string; created_at: Date }>(
      `SELECT id, requester, channel, created_at FROM remediation_requests
       WHERE remediation = $1 AND target_key = $2 AND args = $3::jsonb AND state = 'requested' AND expires_at > now()
       ORDER BY created_at LIMIT 1`,
      [request.remediation, request.targetKey, JSON.stringify(request.args)],
    );
    const found = twin.rows[0];
    if (found) {
      return {
        ok: false,
        pendingTwin: {
          id: found.id,
          requester: found.requester,
          channel: found.channel,
          createdAt: found.created_at,
        },
      };
    }
    await client.query(
      `INSERT INTO remediation_requests
         (id, remediation, args, target_key, target_label, tier, preview, evidence, requester, channel, expires_at,
          maintenance_forced)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        request.id,
        request.remediation,
        request.args,
        request.targetKey,
        request.targetLabel,
        request.tier,
        request.preview,
        request.evidence,
        request.requester,
        request.channel,
        request.expiresAt,
        request.maintenanceForced,
      ],
    );
    await appendAudit(client, {
      actor: request.requester,
      action: 'remediation.requested',
      requestId: request.id,
      detail: {
        ...about(request),
        args: request.args,
        preview: request.preview.data,
        evidence: request.evidence,
        maintenanceForced: request.maintenanceForced,
      },
    });
    return { ok: true };
  });
}

/** Remembers the message that shows the request, so that clicks can update it. */
export async function setMessageTs(pool: pg.Pool, id: string, ts: string): Promise<void> {
  await pool.query('UPDATE remediation_requests SET message_ts = $2 WHERE id = $1', [id, ts]);
}

/** The stored request, or undefined for an id that names none. */
export async function getRequest(pool: pg.Pool, id: string): Promise<StoredRequest | undefined> {
  const { rows } = await pool.query<RequestRow>('SELECT * FROM remediation_requests WHERE id = $1', [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

/** Past runs the cooldown and the hourly cap are computed from. */
export async function requestHistory(
  pool: pg.Pool,
  remediation: RemediationId,
  targetKey: string,
): Promise<{ lastFinishedOnTarget: Date | undefined; startedInLastHour: number }> {
  const { rows } = await pool.query<{ last_finished: Date | null; started: number }>(
    `SELECT
       (SELECT max(finished_at) FROM remediation_requests
         WHERE remediation = $1 AND target_key = $2 AND state IN ('succeeded', 'failed')) AS last_finished,
       (SELECT count(*)::int FROM remediation_requests
         WHERE remediation = $1 AND started_at > now() - interval '1 hour') AS started`,
    [remediation, targetKey],
  );
  return {
    lastFinishedOnTarget: rows[0]?.last_finished ?? undefined,
    startedInLastHour: rows[0]?.started ?? 0,
  };
}
