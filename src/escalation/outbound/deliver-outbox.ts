import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { sendInChannelSlot } from '../../outbound/channel-rate.js';
import type { SlackSender } from '../../outbound/slack-sender.js';
import { inTransaction } from '../../store/in-transaction.js';
import {
  readIncident,
  setMessageGeneration,
  setSlackMessage,
} from '../../store/incidents/incident-queries.js';
import type { StoredIncident } from '../../store/incidents/incident-row.js';
import {
  lockThreadBatch,
  lockUnsentLine,
  markOutboxSent,
  type OutboxLine,
} from '../../store/incidents/outbox-delivery.js';
import { incidentMessage, recordText } from '../incident-message.js';
import type { PageCounter } from '../pages/page-counter.js';

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
  /** Counts Slack DM pages. */
  count?: PageCounter;
}

/** A Slack call failed (an error answer, a timeout, no connection): Slack's health counts it. */
export class SlackCallFailed extends Error {
  readonly code = 'SLACK_CALL_FAILED';
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/**
 * Thrown while the incident's root message is not posted yet: thread lines and updates wait for
 * it, woken when it is posted (`Delivered`'s `rootOf`), not retried as failures.
 */
export class RootNotPosted extends Error {
  readonly code = 'ROOT_NOT_POSTED';
  constructor(readonly incidentId: number) {
    super(`incident ${incidentId}: its root message is not posted yet`);
  }
}

/**
 * What a delivery did: nothing (sent already, or by another replica), or sent. A root message
 * posted names its incident (`rootOf`): the thread lines and the update waiting for it can go.
 */
export type Delivered = 'nothing' | 'sent' | { rootOf: number };

/** Sends one locked line of an incident's outbox; returns the ids of the lines it sent. */
type SendLine = (
  deps: DeliveryDeps,
  client: pg.PoolClient,
  line: OutboxLine,
  incident: StoredIncident,
  /** The delivery's clock reading: what the message shows and when the lines count as sent. */
  at: number,
) => Promise<string[]>;

/**
 * Sends one outbox message, exactly once as far as the database can tell: its row is locked
 * (SKIP LOCKED: another replica sending it means nothing to do) and marked sent in the same
 * transaction as the Slack call succeeds. Thread lines of the same incident waiting together
 * are coalesced into one message. A Slack error rolls back: the job retries with backoff.
 */
export async function deliverOutbox(deps: DeliveryDeps, outboxId: number): Promise<Delivered> {
  return inTransaction(deps.pool, async (client) => {
    const line = await lockUnsentLine(client, outboxId);
    if (!line) return 'nothing';
    const incident = await readIncident(client, Number(line.incident_id));
    if (!incident) throw new Error(`incident ${line.incident_id} missing for outbox ${outboxId}`);
    const at = now(deps);
    const sentIds = await SEND_LINE[line.kind](deps, client, line, incident, at);
    await markOutboxSent(client, sentIds, at);
    return line.kind === 'root' ? { rootOf: incident.id } : 'sent';
  });
}

/** The incident's own message, in its channel (or the default one); where it lives is recorded. */
const sendRoot: SendLine = async (deps, client, line, incident, at) => {
  const channel = incident.slackChannel ?? deps.defaultChannel;
  if (!channel) return [line.id];
  const message = incidentMessage(incident, deps.locale, at);
  const posted = await inSlot(deps, channel, `outbox-${line.id}`, () => deps.sender.post(channel, message));
  await setSlackMessage(client, incident.id, posted.channel, posted.ts);
  return [line.id];
};

/** Every thread line of the incident still waiting, as one message in the incident's thread. */
const sendThread: SendLine = async (deps, client, line, incident) => {
  // No channel anywhere (none configured): the thread cannot exist; DMs still go.
  if (!incident.slackChannel && !deps.defaultChannel) return [line.id];
  if (!incident.slackChannel || !incident.slackTs) throw new RootNotPosted(incident.id);
  const batch = await lockThreadBatch(client, incident.id);
  const lines = batch.some((row) => row.id === line.id)
    ? batch
    : [{ id: line.id, record: line.record }, ...batch];
  const tz = incident.snapshot.timezone;
  const text = lines
    .flatMap((row) => (row.record ? [recordText(row.record, deps.locale, tz)] : []))
    .join('\n');
  const { slackChannel, slackTs } = incident;
  await inSlot(deps, slackChannel, `outbox-${line.id}`, () => deps.sender.post(slackChannel, text, slackTs));
  return lines.map((row) => row.id);
};

/** A page, in a direct message to the person paged. */
const sendDm: SendLine = async (deps, _client, line, incident) => {
  const record = line.record;
  if (!line.recipient || record?.type !== 'paged') return [line.id];
  const recipient = line.recipient;
  const channel = await slackCall(() => deps.sender.openDm(recipient)).catch((error: unknown) => {
    deps.count?.('slack', 'failed');
    throw error;
  });
  // A DM reads in its recipient's language; the channel's messages keep the inventory's.
  const locale = (await deps.sender.localeOf?.(recipient)) ?? deps.locale;
  const reason = translate(locale, msg(`incidents.reason.${record.reason}`));
  const text = translate(
    locale,
    msg('incidents.dm.paged', { level: record.level, id: incident.id, title: incident.title, reason }),
  );
  try {
    await inSlot(deps, recipient, `outbox-${line.id}`, () => deps.sender.post(channel, text));
  } catch (error) {
    if (error instanceof SlackCallFailed) deps.count?.('slack', 'failed');
    throw error;
  }
  deps.count?.('slack', 'sent');
  return [line.id];
};

const SEND_LINE = { root: sendRoot, thread: sendThread, dm: sendDm } satisfies Record<
  OutboxLine['kind'],
  SendLine
>;

const now = (deps: DeliveryDeps) => deps.now?.() ?? Date.now();

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
  if (!incident.slackChannel || !incident.slackTs) throw new RootNotPosted(incidentId);
  const { slackChannel, slackTs } = incident;
  const message = incidentMessage(incident, deps.locale, now(deps));
  const waiter = `update-${incidentId}-${generation}`;
  await inSlot(deps, slackChannel, waiter, () => deps.sender.update(slackChannel, slackTs, message));
  await setMessageGeneration(deps.pool, incidentId, generation);
  return 'sent';
}

/**
 * One Slack call in the channel's slot (the slot's key is the recipient for a DM); `waiter` names
 * the message among those waiting for the slot.
 */
function inSlot<T>(deps: DeliveryDeps, channel: string, waiter: string, send: () => Promise<T>): Promise<T> {
  const call = () => slackCall(send);
  return sendInChannelSlot(deps.redis, deps.prefix, channel, deps.channelIntervalMs, call, waiter);
}

/** One Slack call; its error becomes a `SlackCallFailed`, which Slack's health counts. */
async function slackCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new SlackCallFailed(error);
  }
}
