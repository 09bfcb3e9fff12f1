import type pg from 'pg';
import type { PageChannelName } from '../../config/notifications-schema.js';
import type { TimelineRecord } from '../../core/escalation/incident-state.js';
import { failoverChannels } from '../../core/escalation/notify-plan.js';
import type { Level } from '../../core/escalation/policy-snapshot.js';
import { inTransaction } from '../../store/in-transaction.js';
import { appendTimeline, readIncident, writeOutbox } from '../../store/incidents/incident-queries.js';
import {
  bringPageForward,
  closeOutboxLines,
  incidentsWithStrandedPages,
  lockStrandedPages,
  type PageLine,
} from '../../store/incidents/page-lines.js';
import type { AfterCommit } from '../incident-steps.js';
import { outboxFor } from '../outbox-messages.js';
import type { PageCounter } from './page-counter.js';

/** What failing pages over needs: the database, the channels configured besides Slack, the counter. */
export interface FailoverDeps {
  pool: pg.Pool;
  configured: ReadonlySet<PageChannelName>;
  count?: PageCounter;
}

/**
 * Slack failed: every Slack DM page that is due and unsent (or the one line `only`, whose delivery
 * failed past its retries) goes by the person's next channels at once. A planned later page on
 * such a channel is brought forward (not sent twice: it is the same line), one not planned is
 * written; the DM line is closed as failed over, and the timeline (and, when Slack returns, the
 * thread) says so. One transaction per incident, its row locked first as a step locks it.
 * Returns what to enqueue for each incident.
 */
export async function failOver(deps: FailoverDeps, now: number, only?: number): Promise<AfterCommit[]> {
  const afters: AfterCommit[] = [];
  for (const incidentId of await incidentsWithStrandedPages(deps.pool, now, only)) {
    const after = await inTransaction(deps.pool, async (client) => {
      const incident = await readIncident(client, incidentId, true);
      if (incident?.state.status !== 'open') return null;
      const lines = await lockStrandedPages(client, incidentId, now, only);
      const moved: Array<{ line: PageLine; level: Level; channels: PageChannelName[] }> = [];
      for (const line of lines) {
        const person = incident.snapshot.team.find((member) => member.slackId === line.recipient);
        const level = line.record?.type === 'paged' ? line.record.level : incident.state.level;
        const channels = failoverChannels(person, level, deps.configured);
        // Nobody to reach otherwise: the DM stays, and Slack is tried again.
        if (channels.length > 0) moved.push({ line, level, channels });
      }
      if (moved.length === 0) return null;
      return { after: await moveLines(client, incidentId, moved, now), moved: moved.length };
    });
    if (!after) continue;
    afters.push(after.after);
    for (let index = 0; index < after.moved; index += 1) deps.count?.('slack', 'failed-over');
  }
  return afters;
}

/** Moves the lines, closes the DMs as failed over, and writes one timeline record per level. */
async function moveLines(
  client: pg.PoolClient,
  incidentId: number,
  moved: ReadonlyArray<{ line: PageLine; level: Level; channels: PageChannelName[] }>,
  now: number,
): Promise<AfterCommit> {
  const forward: number[] = [];
  const written = [];
  for (const { line, channels } of moved) {
    forward.push(...(await bringPageForward(client, line, channels, now)));
    const lines = channels.map((channel) => ({
      kind: 'page' as const,
      channel,
      recipient: line.recipient,
      record: line.record,
      dueAt: null,
      sendAfter: null,
      generation: line.generation,
    }));
    // A channel this step already paged by (sent, or brought forward above) is not written twice.
    written.push(...(await writeOutbox(client, incidentId, lines, now)));
  }
  await closeOutboxLines(
    client,
    moved.map(({ line }) => line.id),
    now,
    'failed-over',
  );
  const records = recordsOf(moved);
  await appendTimeline(client, incidentId, records, now);
  const thread = await writeOutbox(client, incidentId, outboxFor(records, null), now);
  return { timers: [], outbox: [...written, ...thread], bringForward: forward, update: null };
}

/** One `failed-over` record per level: who, and by which channels. */
function recordsOf(
  moved: ReadonlyArray<{ line: PageLine; level: Level; channels: PageChannelName[] }>,
): TimelineRecord[] {
  const byLevel = new Map<Level, { people: Set<string>; channels: Set<PageChannelName> }>();
  for (const { line, level, channels } of moved) {
    const entry = byLevel.get(level) ?? { people: new Set(), channels: new Set() };
    entry.people.add(line.recipient);
    for (const channel of channels) entry.channels.add(channel);
    byLevel.set(level, entry);
  }
  return [...byLevel].map(([level, entry]) => ({
    type: 'failed-over',
    level,
    people: [...entry.people],
    channels: [...entry.channels],
  }));
}
