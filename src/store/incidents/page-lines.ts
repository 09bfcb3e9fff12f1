import type pg from 'pg';
import type { PageChannelName } from '../../config/notifications-schema.js';
import type { TimelineRecord } from '../../core/escalation/incident-state.js';
import type { Queryable } from './incident-queries.js';

/** A page line (a Slack DM or a page by another channel) as its delivery and the failover read it. */
export interface PageLine {
  id: number;
  incidentId: number;
  kind: 'dm' | 'page';
  channel: PageChannelName;
  recipient: string;
  record: TimelineRecord | null;
  generation: number | null;
  sendAfter: number | null;
}

/** How a line was done with, when it was not simply sent. */
export type ClosedAs = 'cancelled' | 'failed-over' | 'failed';

const COLUMNS = 'id, incident_id, kind, channel, recipient, record, generation, send_after';

interface PageLineRow {
  id: string;
  incident_id: string;
  kind: 'dm' | 'page';
  channel: PageChannelName;
  recipient: string;
  record: TimelineRecord | null;
  generation: number | null;
  send_after: Date | null;
}

const fromRow = (row: PageLineRow): PageLine => ({
  id: Number(row.id),
  incidentId: Number(row.incident_id),
  kind: row.kind,
  channel: row.channel,
  recipient: row.recipient,
  record: row.record,
  generation: row.generation,
  sendAfter: row.send_after?.getTime() ?? null,
});

/**
 * Locks a page line of kind `page` inside the caller's transaction if it is still unsent; another
 * replica sending it right now holds it (SKIP LOCKED): undefined, nothing to do.
 */
export async function lockPendingPage(
  client: pg.PoolClient,
  outboxId: number,
): Promise<PageLine | undefined> {
  const { rows } = await client.query<PageLineRow>(
    `SELECT ${COLUMNS} FROM incident_outbox WHERE id = $1 AND kind = 'page' AND sent_at IS NULL
     FOR UPDATE SKIP LOCKED`,
    [outboxId],
  );
  return rows[0] ? fromRow(rows[0]) : undefined;
}

/** Closes lines without sending them, saying why. */
export async function closeOutboxLines(
  db: Queryable,
  ids: readonly number[],
  at: number,
  outcome: ClosedAs,
): Promise<void> {
  if (ids.length === 0) return;
  await db.query('UPDATE incident_outbox SET sent_at = $2, outcome = $3 WHERE id = ANY($1::bigint[])', [
    ids,
    new Date(at),
    outcome,
  ]);
}

/**
 * Cancels the incident's pages not due yet, in the transaction of a step that ends its paging
 * (acknowledged, resolved, silenced, or moved to another level): "SMS at +5 min if still
 * unacknowledged" is decided here, by the database, whichever replica's timer fires later.
 */
export async function cancelPendingPages(db: Queryable, incidentId: number, at: number): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE incident_outbox SET sent_at = $2, outcome = 'cancelled'
      WHERE incident_id = $1 AND kind IN ('dm', 'page') AND sent_at IS NULL AND send_after > $2`,
    [incidentId, new Date(at)],
  );
  return rowCount ?? 0;
}

const STRANDED = `o.kind = 'dm' AND o.sent_at IS NULL AND (o.send_after IS NULL OR o.send_after <= $1)
  AND i.state = 'open' AND ($2::bigint IS NULL OR o.id = $2)`;

/** Open incidents with Slack DM pages due and still unsent (all of them, or the one line `only`). */
export async function incidentsWithStrandedPages(
  db: Queryable,
  at: number,
  only?: number,
): Promise<number[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT DISTINCT i.id FROM incident_outbox o JOIN incidents i ON i.id = o.incident_id
      WHERE ${STRANDED} ORDER BY i.id`,
    [new Date(at), only ?? null],
  );
  return rows.map((row) => Number(row.id));
}

/**
 * The incident's Slack DM pages due and still unsent, locked (the caller holds the incident's row
 * first, as steps do): what a failover moves to other channels. A line being sent right now is
 * skipped (SKIP LOCKED): its own failure fails it over.
 */
export async function lockStrandedPages(
  client: pg.PoolClient,
  incidentId: number,
  at: number,
  only?: number,
): Promise<PageLine[]> {
  const columns = COLUMNS.split(', ')
    .map((column) => `o.${column}`)
    .join(', ');
  const { rows } = await client.query<PageLineRow>(
    `SELECT ${columns} FROM incident_outbox o JOIN incidents i ON i.id = o.incident_id
      WHERE ${STRANDED} AND o.incident_id = $3
      ORDER BY o.id FOR UPDATE OF o SKIP LOCKED`,
    [new Date(at), only ?? null, incidentId],
  );
  return rows.map(fromRow);
}

/**
 * Makes the unsent lines of one page (incident, step, person) on `channels` due at `at`; returns
 * the ids of every unsent line of that page on those channels (to be enqueued or promoted).
 */
export async function bringPageForward(
  db: Queryable,
  page: Pick<PageLine, 'incidentId' | 'generation' | 'recipient'>,
  channels: readonly PageChannelName[],
  at: number,
): Promise<number[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE incident_outbox SET send_after = LEAST(COALESCE(send_after, $5), $5)
      WHERE incident_id = $1 AND generation = $2 AND recipient = $3 AND channel = ANY($4::text[])
        AND kind = 'page' AND sent_at IS NULL
      RETURNING id`,
    [page.incidentId, page.generation, page.recipient, channels, new Date(at)],
  );
  return rows.map((row) => Number(row.id));
}
