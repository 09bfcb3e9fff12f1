import type pg from 'pg';
import type { ApprovalRefusal } from '../playbooks/guard/approval-rules.js';
import type { RequestState, StoredRequest } from '../playbooks/guard/request-state.js';
import type {
  RemediationArgs,
  RemediationId,
  RemediationPreview,
  RiskTier,
} from '../playbooks/remediation.js';
import { appendAudit } from './audit/audit-log.js';

/** Runs `work` in one transaction: the state change and its audit row commit together or not at all. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

interface RequestRow {
  id: string;
  remediation: RemediationId;
  args: RemediationArgs;
  target_key: string;
  target_label: string;
  tier: number;
  preview: RemediationPreview;
  evidence: Record<string, unknown>;
  requester: string;
  channel: string;
  message_ts: string | null;
  state: RequestState;
  created_at: Date;
  expires_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  outcome: Record<string, unknown> | null;
  maintenance_forced: boolean;
}

function fromRow(row: RequestRow): StoredRequest {
  return {
    id: row.id,
    remediation: row.remediation,
    args: row.args,
    targetKey: row.target_key,
    targetLabel: row.target_label,
    tier: row.tier as RiskTier,
    preview: row.preview,
    evidence: row.evidence,
    requester: row.requester,
    channel: row.channel,
    messageTs: row.message_ts,
    state: row.state,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    maintenanceForced: row.maintenance_forced,
  };
}

/** What the audit rows say about a request, beside the action. */
function about(
  request: Pick<StoredRequest, 'remediation' | 'targetLabel' | 'tier'>,
): Record<string, unknown> {
  return { remediation: request.remediation, target: request.targetLabel, tier: request.tier };
}

/** A request as the guard stores it. */
export type NewRequest = Omit<
  StoredRequest,
  'state' | 'createdAt' | 'startedAt' | 'finishedAt' | 'outcome' | 'messageTs'
>;

/** Stores a request and its audit row, unless a remediation is already approved or running on its target. */
export async function insertRequest(
  pool: pg.Pool,
  request: NewRequest,
): Promise<{ ok: true } | { ok: false; busyWith: string }> {
  return inTransaction(pool, async (client) => {
    const busy = await client.query<{ id: string }>(
      "SELECT id FROM remediation_requests WHERE target_key = $1 AND state IN ('approved', 'running') LIMIT 1",
      [request.targetKey],
    );
    if (busy.rows[0]) return { ok: false, busyWith: busy.rows[0].id };
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

/** What happened to a click on Approve. */
export type ApprovalResult =
  | { kind: 'missing' }
  | { kind: 'not-pending'; request: StoredRequest }
  | { kind: 'refused'; refusal: ApprovalRefusal; request: StoredRequest }
  | { kind: 'recorded'; request: StoredRequest; approvedBy: string[] }
  | { kind: 'approved'; request: StoredRequest; approvedBy: string[] }
  | { kind: 'busy'; request: StoredRequest };

/** The guard's decisions, passed in so that the store stays free of rules. */
export interface ApprovalDecision {
  refusal(request: StoredRequest, approvedBy: readonly string[]): ApprovalRefusal | null;
  complete(request: StoredRequest, approvedBy: readonly string[]): boolean;
}

/**
 * Records one approval under the request's row lock: concurrent clicks queue, each sees the
 * approvals before it, and exactly one moves the request to `approved` (a conditional UPDATE that
 * the one-active-per-target index also guards). An expired request becomes `expired`; a refused
 * click leaves an audit line.
 */
export async function approveRequest(
  pool: pg.Pool,
  id: string,
  approverId: string,
  decision: ApprovalDecision,
): Promise<ApprovalResult> {
  try {
    return await inTransaction(pool, async (client) => {
      const { rows } = await client.query<RequestRow>(
        'SELECT * FROM remediation_requests WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!rows[0]) return { kind: 'missing' };
      const request = fromRow(rows[0]);
      if (request.state !== 'requested') return { kind: 'not-pending', request };
      const approvals = await client.query<{ approver: string }>(
        'SELECT approver FROM remediation_approvals WHERE request_id = $1 ORDER BY at',
        [id],
      );
      const approvedBy = approvals.rows.map((row) => row.approver);
      const refusal = decision.refusal(request, approvedBy);
      if (refusal?.reason === 'expired') {
        await client.query(
          "UPDATE remediation_requests SET state = 'expired' WHERE id = $1 AND state = 'requested'",
          [id],
        );
        await appendAudit(client, {
          actor: approverId,
          action: 'remediation.expired',
          requestId: id,
          detail: about(request),
        });
        return { kind: 'refused', refusal, request: { ...request, state: 'expired' } };
      }
      if (refusal) {
        await appendAudit(client, {
          actor: approverId,
          action: 'remediation.approval-refused',
          requestId: id,
          detail: { ...about(request), reason: refusal.reason },
        });
        return { kind: 'refused', refusal, request };
      }
      await client.query('INSERT INTO remediation_approvals (request_id, approver) VALUES ($1, $2)', [
        id,
        approverId,
      ]);
      const nowApprovedBy = [...approvedBy, approverId];
      await appendAudit(client, {
        actor: approverId,
        action: 'remediation.approval',
        requestId: id,
        detail: { ...about(request), approvedBy: nowApprovedBy },
      });
      if (!decision.complete(request, nowApprovedBy))
        return { kind: 'recorded', request, approvedBy: nowApprovedBy };
      const moved = await client.query(
        "UPDATE remediation_requests SET state = 'approved' WHERE id = $1 AND state = 'requested' RETURNING id",
        [id],
      );
      if (moved.rowCount !== 1) return { kind: 'not-pending', request };
      await appendAudit(client, {
        actor: approverId,
        action: 'remediation.approved',
        requestId: id,
        detail: { ...about(request), approvedBy: nowApprovedBy },
      });
      return { kind: 'approved', request: { ...request, state: 'approved' }, approvedBy: nowApprovedBy };
    });
  } catch (error) {
    // Another request on the same target became approved first (the partial unique index).
    if ((error as { code?: string }).code === '23505') {
      const request = await getRequest(pool, id);
      if (request) return { kind: 'busy', request };
    }
    throw error;
  }
}

/** approved → running, once: the caller that gets the request back is the one that runs it. */
export async function startRunning(pool: pg.Pool, id: string): Promise<StoredRequest | undefined> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<RequestRow>(
      "UPDATE remediation_requests SET state = 'running', started_at = now() WHERE id = $1 AND state = 'approved' RETURNING *",
      [id],
    );
    if (!rows[0]) return undefined;
    const request = fromRow(rows[0]);
    await appendAudit(client, {
      actor: 'samaops',
      action: 'remediation.running',
      requestId: id,
      detail: { ...about(request), args: request.args, evidence: request.evidence },
    });
    return request;
  });
}

/** running → succeeded | failed, with the outcome kept on the request and in the audit row. */
export async function finishRequest(
  pool: pg.Pool,
  id: string,
  state: 'succeeded' | 'failed',
  outcome: Record<string, unknown>,
): Promise<StoredRequest | undefined> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<RequestRow>(
      `UPDATE remediation_requests SET state = $2, finished_at = now(), outcome = $3
       WHERE id = $1 AND state = 'running' RETURNING *`,
      [id, state, outcome],
    );
    if (!rows[0]) return undefined;
    const request = fromRow(rows[0]);
    await appendAudit(client, {
      actor: 'samaops',
      action: `remediation.${state}`,
      requestId: id,
      detail: { ...about(request), outcome },
    });
    return request;
  });
}

/** What happened to a click on Reject. */
export type RejectResult =
  | { kind: 'missing' }
  | { kind: 'not-pending'; request: StoredRequest }
  | { kind: 'refused'; request: StoredRequest }
  | { kind: 'rejected'; request: StoredRequest };

/** requested → rejected by `actor`, when `mayReject` allows them; an audit line either way. */
export async function rejectRequest(
  pool: pg.Pool,
  id: string,
  actor: string,
  mayReject: (request: StoredRequest) => boolean,
): Promise<RejectResult> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<RequestRow>(
      'SELECT * FROM remediation_requests WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!rows[0]) return { kind: 'missing' };
    const request = fromRow(rows[0]);
    if (request.state !== 'requested') return { kind: 'not-pending', request };
    if (!mayReject(request)) {
      await appendAudit(client, {
        actor,
        action: 'remediation.reject-refused',
        requestId: id,
        detail: about(request),
      });
      return { kind: 'refused', request };
    }
    await client.query(
      "UPDATE remediation_requests SET state = 'rejected', finished_at = now() WHERE id = $1",
      [id],
    );
    await appendAudit(client, {
      actor,
      action: 'remediation.rejected',
      requestId: id,
      detail: about(request),
    });
    return { kind: 'rejected', request: { ...request, state: 'rejected' } };
  });
}

/**
 * Ends requests left `approved` or `running` longer than `staleMinutes` (the bot died mid-run):
 * without this, the one-active-per-target index would block their target for ever. Each becomes
 * `failed` with an `interrupted` audit row, finished when it was last known to run (so that the
 * cooldown, long over, does not hold a retry back). Returns how many were ended.
 */
export async function failInterruptedRequests(pool: pg.Pool, staleMinutes: number): Promise<number> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<RequestRow>(
      `UPDATE remediation_requests
         SET state = 'failed', finished_at = coalesce(started_at, created_at), outcome = '{"ok": false, "interrupted": true}'
       WHERE state IN ('approved', 'running')
         AND coalesce(started_at, created_at) < now() - make_interval(mins => $1)
       RETURNING *`,
      [staleMinutes],
    );
    for (const row of rows) {
      const request = fromRow(row);
      await appendAudit(client, {
        actor: 'samaops',
        action: 'remediation.interrupted',
        requestId: request.id,
        detail: { ...about(request), staleMinutes },
      });
    }
    return rows.length;
  });
}

/** requested → expired for every request past its approval window, each with an audit row. */
export async function expireOverdueRequests(pool: pg.Pool): Promise<StoredRequest[]> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<RequestRow>(
      "UPDATE remediation_requests SET state = 'expired' WHERE state = 'requested' AND expires_at <= now() RETURNING *",
    );
    const expired = rows.map(fromRow);
    for (const request of expired)
      await appendAudit(client, {
        actor: 'samaops',
        action: 'remediation.expired',
        requestId: request.id,
        detail: about(request),
      });
    return expired;
  });
}
