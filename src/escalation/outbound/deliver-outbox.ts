import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { TimelineRecord } from '../../core/escalation/incident-state.js';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { sendInChannelSlot } from '../../outbound/channel-rate.js';
import type { SlackSender } from '../../outbound/slack-sender.js';
import {
  readIncident,
  setMessageGeneration,
  setSlackMessage,
} from '../../store/incidents/incident-queries.js';
import { incidentMessage, recordText } from '../incident-message.js';

/** What delivering needs. */
export interface DeliveryDeps {
  pool: pg.Pool;
  redis: Redis;
  sender: SlackSender;
  locale: Locale;
  /** Key prefix of the per-channel slots. */
  prefix: string;
  /** Minimum gap between two messages to one channel. Default 1000 ms (Slack's limit). */
  channelIntervalMs: number;
  /** Channel used when the incident has none recorded. */
  defaultChannel: string | null;
  now?: () => number;
}

/** Advisory lock class of "sending this incident's thread lines" (an arbitrary constant). */
const THREAD_LOCK = 7_243_002;

/** Thrown while the incident's root message is not posted yet: thread lines wait for it. */
export class RootNotPosted extends Error {
  readonly code = 'ROOT_NOT_POSTED';
}

interface OutboxLine {
  id: string;
  incident_id: string;
  kind: 'root' | 'thread' | 'dm';
  recipient: string | null;
  record: TimelineRecord | null;
}

/**
 * Sends one outbox message, exactly once as far as the database can tell: its row is locked
 * (SKIP LOCKED: another replica sending it means nothing to do) and marked sent in the same
 * transaction as the Slack call succeeds. Thread lines of the same incident waiting together
 * are coalesced into one message. A Slack error rolls back: the job retries with backoff.
 */
export async function deliverOutbox(deps: DeliveryDeps, outboxId: number): Promise<'sent' | 'nothing'> {
  const client = await deps.pool.connect();
  try {
    await client.query('BEGIN');
    // Thread lines of one incident are sent one batch at a time (advisory lock per incident):
    // the lines waiting together go out as one message, in order. Other kinds lock their own row.
    const peek = await client.query<{ incident_id: string; kind: OutboxLine['kind'] }>(
      'SELECT incident_id, kind FROM incident_outbox WHERE id = $1 AND sent_at IS NULL',
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
      `SELECT id, incident_id, kind, recipient, record FROM incident_outbox WHERE id = $1 AND sent_at IS NULL
       FOR UPDATE${peeked?.kind === 'thread' ? '' : ' SKIP LOCKED'}`,
      [outboxId],
    );
    const line = rows[0];
    if (!line) {
      await client.query('COMMIT');
      return 'nothing';
    }
    const incident = await readIncident(client, Number(line.incident_id));
    if (!incident) throw new Error(`incident ${line.incident_id} missing for outbox ${outboxId}`);
    const tz = incident.snapshot.timezone;
    const now = deps.now?.() ?? Date.now();
    let sentIds = [line.id];
    switch (line.kind) {
      case 'root': {
        const channel = incident.slackChannel ?? deps.defaultChannel;
        if (!channel) break;
        const message = incidentMessage(incident, deps.locale, now);
        const posted = await inSlot(deps, channel, () => deps.sender.post(channel, message));
        await setSlackMessage(client, incident.id, posted.channel, posted.ts);
        break;
      }
      case 'thread': {
        // No channel anywhere (none configured): the thread cannot exist; DMs still go.
        if (!incident.slackChannel && !deps.defaultChannel) break;
        if (!incident.slackChannel || !incident.slackTs) throw new RootNotPosted(`incident ${incident.id}`);
        const batch = await client.query<{ id: string; record: TimelineRecord }>(
          `SELECT id, record FROM incident_outbox WHERE incident_id = $1 AND kind = 'thread' AND sent_at IS NULL
           ORDER BY id FOR UPDATE`,
          [incident.id],
        );
        const lines = batch.rows.some((row) => row.id === line.id)
          ? batch.rows
          : [{ id: line.id, record: line.record }, ...batch.rows];
        const text = lines
          .flatMap((row) => (row.record ? [recordText(row.record, deps.locale, tz)] : []))
          .join('\n');
        const { slackChannel, slackTs } = incident;
        await inSlot(deps, slackChannel, () => deps.sender.post(slackChannel, text, slackTs));
        sentIds = lines.map((row) => row.id);
        break;
      }
      case 'dm': {
        const record = line.record;
        if (!line.recipient || record?.type !== 'paged') break;
        const channel = await deps.sender.openDm(line.recipient);
        const reason = translate(deps.locale, msg(`incidents.reason.${record.reason}`));
        const text = translate(
          deps.locale,
          msg('incidents.dm.paged', { level: record.level, id: incident.id, title: incident.title, reason }),
        );
        await inSlot(deps, line.recipient, () => deps.sender.post(channel, text));
        break;
      }
    }
    await client.query('UPDATE incident_outbox SET sent_at = $2 WHERE id = ANY($1::bigint[])', [
      sentIds,
      new Date(now),
    ]);
    await client.query('COMMIT');
    return 'sent';
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Updates the incident message to its current state. Coalesced: an update for an older
 * generation than the one already shown, or than the incident's current one, does nothing.
 */
export async function deliverUpdate(
  deps: DeliveryDeps,
  incidentId: number,
  generation: number,
): Promise<'sent' | 'nothing'> {
  const incident = await readIncident(deps.pool, incidentId);
  if (!incident || incident.state.generation > generation || incident.messageGeneration >= generation)
    return 'nothing';
  if (!incident.slackChannel || !incident.slackTs) throw new RootNotPosted(`incident ${incidentId}`);
  const { slackChannel, slackTs } = incident;
  const message = incidentMessage(incident, deps.locale, deps.now?.() ?? Date.now());
  await inSlot(deps, slackChannel, () => deps.sender.update(slackChannel, slackTs, message));
  await setMessageGeneration(deps.pool, incidentId, generation);
  return 'sent';
}

/** One Slack call in the channel's slot (the slot's key is the recipient for a DM). */
function inSlot<T>(deps: DeliveryDeps, channel: string, send: () => Promise<T>): Promise<T> {
  return sendInChannelSlot(deps.redis, deps.prefix, channel, deps.channelIntervalMs, send);
}
