import type pg from 'pg';
import type { TimelineRecord } from '../../core/escalation/incident-state.js';

/** Advisory lock class of "sending this incident's thread lines" (an arbitrary constant). */
const THREAD_LOCK = 7_243_002;

/** One unsent line of an incident's outbox, as the delivery reads it. */
export interface OutboxLine {
  id: string;
  incident_id: string;
  kind: 'root' | 'thread' | 'dm';
  recipient: string | null;
  record: TimelineRecord | null;
}

/**
 * Locks the line, inside the caller's transaction, if it is still unsent. Thread lines of one
 * incident are sent one batch at a time (advisory lock per incident): the lines waiting together
 * go out as one message, in order. Other kinds lock their own row, and skip it when another
 * replica holds it (undefined: nothing to do).
 */
export async function lockUnsentLine(
  client: pg.PoolClient,
  outboxId: number,
): Promise<OutboxLine | undefined> {
  const peek = await client.query<{ incident_id: string; kind: OutboxLine['kind'] }>(
    `SELECT incident_id, kind FROM incident_outbox WHERE id = $1 AND sent_at IS NULL AND kind <> 'page'`,
    [outboxId],
  );
  const peeked = peek.rows[0];
  if (peeked?.kind === 'thread') {
    await client.query('SELECT pg_advisory_xact_lock($1, $2::int)', [
      THREAD_LOCK,
      Number(peeked.incident_id),
    ]);
  }
  const { rows } = await client.query<OutboxLine>(
    `SELECT id, incident_id, kind, recipient, record FROM incident_outbox
      WHERE id = $1 AND sent_at IS NULL AND kind <> 'page'
     FOR UPDATE${peeked?.kind === 'thread' ? '' : ' SKIP LOCKED'}`,
    [outboxId],
  );
  return rows[0];
}

/** Locks and returns every unsent thread line of the incident, oldest first (under its thread lock). */
export async function lockThreadBatch(
  client: pg.PoolClient,
  incidentId: number,
): Promise<Array<{ id: string; record: TimelineRecord }>> {
  const { rows } = await client.query<{ id: string; record: TimelineRecord }>(
    `SELECT id, record FROM incident_outbox WHERE incident_id = $1 AND kind = 'thread' AND sent_at IS NULL
     ORDER BY id FOR UPDATE`,
    [incidentId],
  );
  return rows;
}

/** Marks the lines sent at `at` (pages by other channels than Slack: `page-lines.ts`). */
export async function markOutboxSent(
  client: pg.PoolClient,
  ids: readonly string[],
  at: number,
): Promise<void> {
  await client.query(
    `UPDATE incident_outbox SET sent_at = $2, outcome = 'sent' WHERE id = ANY($1::bigint[])`,
    [ids, new Date(at)],
  );
}

/** The ids of the incident's thread lines not sent yet, oldest first. */
export async function unsentThreadIds(pool: pg.Pool, incidentId: number): Promise<number[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM incident_outbox WHERE incident_id = $1 AND kind = 'thread' AND sent_at IS NULL ORDER BY id`,
    [incidentId],
  );
  return rows.map((row) => Number(row.id));
}
