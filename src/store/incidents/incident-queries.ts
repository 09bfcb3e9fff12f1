import type pg from 'pg';
import type { PageChannelName } from '../../config/notifications-schema.js';
import type { IncidentState, TimelineRecord } from '../../core/escalation/incident-state.js';
import type { PolicySnapshot } from '../../core/escalation/policy-snapshot.js';
import {
  fromRow,
  INCIDENT_COLUMNS,
  type IncidentRow,
  STATE_ASSIGNMENTS,
  type StoredIncident,
  stateValues,
} from './incident-row.js';

/** A pool or a client inside a transaction. */
export type Queryable = pg.Pool | pg.PoolClient;

/** Inserts a new incident, or returns null when one with the same dedup key is still unresolved. */
export async function insertIncident(
  db: Queryable,
  incident: {
    dedupKey: string;
    title: string;
    source: string;
    openedBy: string;
    openedAt: number;
    snapshot: PolicySnapshot;
    state: IncidentState;
    slackChannel: string | null;
  },
): Promise<number | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO incidents (dedup_key, title, source, opened_by, opened_at, policy, slack_channel,
       level, state, generation, paged, acknowledged_by, acknowledged_at, resolved_by, resolved_at,
       next_ack_at, next_repeat_at, resolve_by, silenced_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     ON CONFLICT (dedup_key) WHERE state <> 'resolved' DO NOTHING
     RETURNING id`,
    [
      incident.dedupKey,
      incident.title,
      incident.source,
      incident.openedBy,
      new Date(incident.openedAt),
      JSON.stringify(incident.snapshot),
      incident.slackChannel,
      ...stateValues(incident.state),
    ],
  );
  return rows[0] ? Number(rows[0].id) : null;
}

/** The unresolved incident with this dedup key, if any. */
export async function findOpenByDedupKey(db: Queryable, dedupKey: string): Promise<StoredIncident | null> {
  const { rows } = await db.query<IncidentRow>(
    `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE dedup_key = $1 AND state <> 'resolved'`,
    [dedupKey],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}

/** Reads one incident; with `lock`, holds its row until the transaction ends (one step at a time). */
export async function readIncident(db: Queryable, id: number, lock = false): Promise<StoredIncident | null> {
  const { rows } = await db.query<IncidentRow>(
    `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}

/** Writes a step's new state only if the generation is still the one read: false when it moved. */
export async function saveState(
  db: Queryable,
  id: number,
  readGeneration: number,
  state: IncidentState,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE incidents SET ${STATE_ASSIGNMENTS} WHERE id = $1 AND generation = $2`,
    [id, readGeneration, ...stateValues(state)],
  );
  return result.rowCount === 1;
}

/** Appends timeline records. */
export async function appendTimeline(
  db: Queryable,
  id: number,
  records: readonly TimelineRecord[],
  at: number,
): Promise<void> {
  for (const record of records) {
    const level = 'level' in record ? record.level : record.to;
    await db.query(
      'INSERT INTO incident_events (incident_id, at, type, level, record) VALUES ($1, $2, $3, $4, $5)',
      [id, new Date(at), record.type, level, JSON.stringify(record)],
    );
  }
}

/** One message waiting in the outbox. */
export interface OutboxRow {
  id: number;
  incidentId: number;
  /** The incident's message, a thread line, a Slack DM page, or a page by another channel. */
  kind: 'root' | 'thread' | 'dm' | 'page';
  recipient: string | null;
  record: TimelineRecord | null;
  dueAt: number | null;
  createdAt: number;
  /** How a page goes (`slack` for every line that is not a `page`). */
  channel: PageChannelName;
  /** When the line becomes due; null: at once. */
  sendAfter: number | null;
  /** The step (the incident's generation) that paged; null for lines that are not pages. */
  generation: number | null;
}

/** A line to write: what every line has, and a page's channel, delay and step. */
export type NewOutboxLine = Pick<OutboxRow, 'kind' | 'recipient' | 'record' | 'dueAt'> &
  Partial<Pick<OutboxRow, 'channel' | 'sendAfter' | 'generation'>>;

/** What the queues need of a line: its id, its kind (which queue) and when it is due. */
export interface OutboxJob {
  id: number;
  kind: OutboxRow['kind'];
  sendAfter: number | null;
}

const date = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms));

/**
 * Writes the messages a step sends, in the step's transaction: the root message for a new
 * incident, one thread line per record, and each page of each person paged. A page already
 * written for the same person, channel and step is not written again.
 */
export async function writeOutbox(
  db: Queryable,
  id: number,
  messages: readonly NewOutboxLine[],
  at: number,
): Promise<OutboxJob[]> {
  const jobs: OutboxJob[] = [];
  for (const message of messages) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO incident_outbox (incident_id, kind, recipient, record, due_at, created_at, channel, send_after, generation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
      [
        id,
        message.kind,
        message.recipient,
        JSON.stringify(message.record),
        date(message.dueAt),
        new Date(at),
        message.channel ?? 'slack',
        date(message.sendAfter),
        message.generation ?? null,
      ],
    );
    if (rows[0])
      jobs.push({ id: Number(rows[0].id), kind: message.kind, sendAfter: message.sendAfter ?? null });
  }
  return jobs;
}

/**
 * Counts one more report of the same failure on the incident's "duplicate" thread line that is
 * still waiting to be sent, instead of queueing a line per report (an alert storm would otherwise
 * queue thousands). A line being sent right now is skipped (SKIP LOCKED): false, write a new one.
 */
export async function foldIntoPendingDuplicate(db: Queryable, id: number, source: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE incident_outbox
        SET record = jsonb_set(record, '{count}', to_jsonb(COALESCE((record->>'count')::int, 1) + 1))
      WHERE id = (SELECT id FROM incident_outbox
                   WHERE incident_id = $1 AND kind = 'thread' AND sent_at IS NULL
                     AND record->>'type' = 'duplicate' AND record->>'source' = $2
                   ORDER BY id DESC LIMIT 1 FOR UPDATE SKIP LOCKED)`,
    [id, source],
  );
  return rowCount === 1;
}

/** Unresolved incidents (the reconciler's input), oldest first. */
export async function unresolvedIncidents(db: Queryable): Promise<StoredIncident[]> {
  const { rows } = await db.query<IncidentRow>(
    `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE state <> 'resolved' ORDER BY id`,
  );
  return rows.map(fromRow);
}

/** Recent incidents for `/sama incident list`, unresolved first. */
export async function recentIncidents(db: Queryable, limit: number): Promise<StoredIncident[]> {
  const { rows } = await db.query<IncidentRow>(
    `SELECT ${INCIDENT_COLUMNS} FROM incidents ORDER BY (state = 'resolved'), id DESC LIMIT $1`,
    [limit],
  );
  return rows.map(fromRow);
}

/** Outbox lines still unsent, due or not. */
export async function unsentOutbox(db: Queryable): Promise<OutboxJob[]> {
  const { rows } = await db.query<{ id: string; kind: OutboxRow['kind']; send_after: Date | null }>(
    'SELECT id, kind, send_after FROM incident_outbox WHERE sent_at IS NULL ORDER BY id',
  );
  return rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    sendAfter: row.send_after?.getTime() ?? null,
  }));
}

/** The timeline of one incident, oldest first. */
export async function readTimeline(
  db: Queryable,
  id: number,
): Promise<Array<{ at: number; record: TimelineRecord }>> {
  const { rows } = await db.query<{ at: Date; record: TimelineRecord }>(
    'SELECT at, record FROM incident_events WHERE incident_id = $1 ORDER BY id',
    [id],
  );
  return rows.map((row) => ({ at: row.at.getTime(), record: row.record }));
}

/** Records where the incident's Slack message lives. */
export async function setSlackMessage(db: Queryable, id: number, channel: string, ts: string): Promise<void> {
  await db.query('UPDATE incidents SET slack_channel = $2, slack_ts = $3 WHERE id = $1', [id, channel, ts]);
}

/** Records the generation the Slack message shows (older updates are then skipped). */
export async function setMessageGeneration(db: Queryable, id: number, generation: number): Promise<void> {
  await db.query('UPDATE incidents SET message_generation = GREATEST(message_generation, $2) WHERE id = $1', [
    id,
    generation,
  ]);
}
