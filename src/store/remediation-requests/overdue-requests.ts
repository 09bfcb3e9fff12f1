import type pg from 'pg';
import type { StoredRequest } from '../../core/remediation/request-state.js';
import { appendAudit } from '../audit/audit-log.js';
import { inTransaction } from '../in-transaction.js';
import { about, fromRow, type RequestRow } from './request-row.js';

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
