import type pg from 'pg';
import type { ApprovalRefusal } from '../../core/remediation/approval-rules.js';
import type { StoredRequest } from '../../core/remediation/request-state.js';
import { appendAudit } from '../audit/audit-log.js';
import { inTransaction } from '../in-transaction.js';
import { about, fromRow, type RequestRow } from './request-row.js';
import { getRequest } from './stored-requests.js';

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
