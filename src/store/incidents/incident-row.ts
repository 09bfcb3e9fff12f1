import type { IncidentState } from '../../core/escalation/incident-state.js';
import type { Level, PolicySnapshot } from '../../core/escalation/policy-snapshot.js';

/** An incident as stored: what the engine needs plus what the messages show. */
export interface StoredIncident {
  id: number;
  dedupKey: string;
  title: string;
  source: string;
  openedBy: string;
  openedAt: number;
  snapshot: PolicySnapshot;
  state: IncidentState;
  slackChannel: string | null;
  slackTs: string | null;
  messageGeneration: number;
}

/** The columns selected for a StoredIncident. */
export const INCIDENT_COLUMNS =
  'id, dedup_key, title, source, level, state, policy, generation, paged, opened_by, opened_at, acknowledged_by, acknowledged_at, resolved_by, resolved_at, next_ack_at, next_repeat_at, resolve_by, silenced_until, slack_channel, slack_ts, message_generation';

/** A row of `incidents` as pg returns it. */
export interface IncidentRow {
  id: string;
  dedup_key: string;
  title: string;
  source: string;
  level: Level;
  state: IncidentState['status'];
  policy: PolicySnapshot;
  generation: number;
  paged: string[];
  opened_by: string;
  opened_at: Date;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  next_ack_at: Date | null;
  next_repeat_at: Date | null;
  resolve_by: Date | null;
  silenced_until: Date | null;
  slack_channel: string | null;
  slack_ts: string | null;
  message_generation: number;
}

const ms = (date: Date | null) => (date === null ? null : date.getTime());

/** Reads a row into the engine's discriminated state. */
export function fromRow(row: IncidentRow): StoredIncident {
  const base = {
    level: row.level,
    generation: row.generation,
    paged: row.paged,
    silencedUntil: ms(row.silenced_until),
    deadlines: {
      ackAt: ms(row.next_ack_at),
      repeatAt: ms(row.next_repeat_at),
      resolveBy: ms(row.resolve_by),
    },
  };
  let state: IncidentState;
  switch (row.state) {
    case 'open':
      state = { ...base, status: 'open' };
      break;
    case 'acknowledged':
      state = {
        ...base,
        status: 'acknowledged',
        acknowledgedBy: row.acknowledged_by ?? '',
        acknowledgedAt: ms(row.acknowledged_at) ?? 0,
      };
      break;
    case 'resolved':
      state = {
        ...base,
        status: 'resolved',
        resolvedBy: row.resolved_by ?? '',
        resolvedAt: ms(row.resolved_at) ?? 0,
      };
      break;
  }
  return {
    id: Number(row.id),
    dedupKey: row.dedup_key,
    title: row.title,
    source: row.source,
    openedBy: row.opened_by,
    openedAt: row.opened_at.getTime(),
    snapshot: row.policy,
    state,
    slackChannel: row.slack_channel,
    slackTs: row.slack_ts,
    messageGeneration: row.message_generation,
  };
}

/** The values written back for a state, in the order of `STATE_ASSIGNMENTS` ($3 onwards). */
export function stateValues(state: IncidentState): unknown[] {
  const date = (value: number | null) => (value === null ? null : new Date(value));
  return [
    state.level,
    state.status,
    state.generation,
    [...state.paged],
    state.status === 'acknowledged' ? state.acknowledgedBy : null,
    state.status === 'acknowledged' ? date(state.acknowledgedAt) : null,
    state.status === 'resolved' ? state.resolvedBy : null,
    state.status === 'resolved' ? date(state.resolvedAt) : null,
    date(state.deadlines.ackAt),
    date(state.deadlines.repeatAt),
    date(state.deadlines.resolveBy),
    date(state.silencedUntil),
  ];
}

/** SET clause matching `stateValues`, parameters from $3. */
export const STATE_ASSIGNMENTS =
  'level = $3, state = $4, generation = $5, paged = $6, acknowledged_by = COALESCE($7, acknowledged_by), acknowledged_at = COALESCE($8, acknowledged_at), resolved_by = $9, resolved_at = $10, next_ack_at = $11, next_repeat_at = $12, resolve_by = $13, silenced_until = $14';
