import type pg from 'pg';
import type { PageChannelName } from '../../config/notifications-schema.js';
import type { AckLinkFor } from '../../core/escalation/ack-link-token.js';
import type { Level, SnapshotPerson } from '../../core/escalation/policy-snapshot.js';
import type { Locale } from '../../i18n/define-messages.js';
import type { Pagers } from '../../outbound/pagers.js';
import { inTransaction } from '../../store/in-transaction.js';
import { readIncident, readTimeline } from '../../store/incidents/incident-queries.js';
import type { StoredIncident } from '../../store/incidents/incident-row.js';
import { closeOutboxLines, lockPendingPage, type PageLine } from '../../store/incidents/page-lines.js';
import { emailPage, type PageFacts, smsText, voiceText } from './page-texts.js';

/** What delivering a page by email, SMS or voice needs. */
export interface PageDeliveryDeps {
  pool: pg.Pool;
  pagers: Pagers;
  locale: Locale;
  ackLinkFor: AckLinkFor;
  now?: () => number;
}

/** Thrown when a page's job runs before the line is due (clocks): the job waits `waitMs` more. */
export class PageNotDue extends Error {
  readonly code = 'PAGE_NOT_DUE';
  constructor(readonly waitMs: number) {
    super(`page not due for ${waitMs} ms`);
  }
}

/** The gateway or the SMTP server failed one page: its job retries it. */
export class PageSendFailed extends Error {
  readonly code = 'PAGE_SEND_FAILED';
  constructor(
    readonly channel: PageChannelName,
    cause: unknown,
  ) {
    super(`${channel}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** A page's job ran this early at most and still counts. */
const EARLY_TOLERANCE_MS = 50;

/** What became of one page line. */
export type DeliveredPage =
  | { outcome: 'sent' | 'cancelled' | 'failed'; channel: PageChannelName }
  | { outcome: 'nothing' };

type OtherChannel = Exclude<PageChannelName, 'slack'>;

/** Sends one page on its channel; false when the channel or the person's contact is missing. */
type SendPage = (deps: PageDeliveryDeps, person: SnapshotPerson, facts: PageFacts) => Promise<boolean>;

const SEND_PAGE = {
  email: async ({ pagers, locale }, person, facts) => {
    if (!pagers.email || !person.email) return false;
    await pagers.email.send({ to: person.email, ...emailPage(facts, locale) });
    return true;
  },
  sms: async ({ pagers, locale }, person, facts) => {
    if (!pagers.sms || !person.phone) return false;
    await pagers.sms.send({ to: person.phone, text: smsText(facts, locale), ackUrl: facts.ackUrl ?? '' });
    return true;
  },
  voice: async ({ pagers, locale }, person, facts) => {
    if (!pagers.voice || !person.phone) return false;
    await pagers.voice.send({ to: person.phone, text: voiceText(facts, locale), ackUrl: facts.ackUrl ?? '' });
    return true;
  },
} satisfies Record<OtherChannel, SendPage>;

/**
 * Sends one page by email, SMS or voice, once as far as the database can tell: its line is locked
 * (SKIP LOCKED: another replica has it, nothing to do) and marked sent in the transaction the send
 * succeeded in; a failure rolls back and the job retries. Only while the incident waits for an
 * acknowledgement: otherwise the line is closed as cancelled. A channel no longer configured (an
 * incident frozen under an older inventory) closes it as failed.
 */
export async function deliverPage(deps: PageDeliveryDeps, outboxId: number): Promise<DeliveredPage> {
  return inTransaction(deps.pool, async (client) => {
    const line = await lockPendingPage(client, outboxId);
    if (!line) return { outcome: 'nothing' };
    const at = deps.now?.() ?? Date.now();
    if (line.sendAfter !== null && line.sendAfter > at + EARLY_TOLERANCE_MS)
      throw new PageNotDue(line.sendAfter - at);
    const { channel } = line;
    const incident = await readIncident(client, line.incidentId);
    if (incident?.state.status !== 'open') {
      await closeOutboxLines(client, [line.id], at, 'cancelled');
      return { outcome: 'cancelled', channel };
    }
    const person = incident.snapshot.team.find((member) => member.slackId === line.recipient);
    const facts = person && (await factsOf(client, deps, incident, line, person));
    const send = SEND_PAGE[channel as OtherChannel];
    const sent =
      person && facts
        ? await send(deps, person, facts).catch((error: unknown) => {
            throw new PageSendFailed(channel, error);
          })
        : false;
    if (!sent) {
      await closeOutboxLines(client, [line.id], at, 'failed');
      return { outcome: 'failed', channel };
    }
    await client.query(`UPDATE incident_outbox SET sent_at = $2, outcome = 'sent' WHERE id = $1`, [
      line.id,
      new Date(at),
    ]);
    return { outcome: 'sent', channel };
  });
}

/** What the page says, read in its transaction: the timeline gives who else was paged. */
async function factsOf(
  client: pg.PoolClient,
  deps: PageDeliveryDeps,
  incident: StoredIncident,
  line: PageLine,
  person: SnapshotPerson,
): Promise<PageFacts | undefined> {
  const record = line.record;
  if (record?.type !== 'paged') return undefined;
  const nameOf = (slackId: string) =>
    incident.snapshot.team.find((member) => member.slackId === slackId)?.name ?? slackId;
  const seen = new Map<string, Level>();
  for (const { record: earlier } of await readTimeline(client, incident.id)) {
    if (earlier.type !== 'paged') continue;
    for (const slackId of earlier.people) if (slackId !== person.slackId) seen.set(slackId, earlier.level);
  }
  return {
    incident,
    level: record.level,
    reason: record.reason,
    name: person.name,
    others: [...seen].map(([slackId, level]) => ({ name: nameOf(slackId), level })),
    // The incident's generation now, not the page's: a page due later (SMS at +5 min) goes after a
    // repeat may have moved it on, and a link must act on the incident as it is when it is read.
    ackUrl: deps.ackLinkFor(incident.id, person.slackId, incident.state.generation),
  };
}
