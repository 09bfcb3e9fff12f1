import { afterEach, describe, expect, it } from 'vitest';
import type { EscalationService } from '../../../src/escalation/escalation-service.js';
import { obliterateQueues } from '../../support/bot-queues.js';
import { until } from '../escalation-harness.js';
import { AWA, incidentOf, MOUSSA, type PagesHarness, startPagesHarness } from './pages-harness.js';

let harness: PagesHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** How many pages each incident got on one channel for one person: the test wants 1 everywhere. */
function perIncident(texts: readonly string[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const text of texts) counts.set(incidentOf(text), (counts.get(incidentOf(text)) ?? 0) + 1);
  return counts;
}

async function openMany(service: EscalationService, prefix: string, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const outcome = await service.open({
      dedupKey: `${prefix}-${index}`,
      title: `${prefix} ${index}`,
      source: 'test',
      level: 'N1',
      by: AWA.slackId,
    });
    ids.push(outcome.incident.id);
  }
  return ids;
}

describe('pages across replicas and restarts', () => {
  it('sends each page once per channel and step: two replicas at once, then a restart after Redis lost the jobs', async () => {
    // N1 pages Awa by Slack, email, and SMS after 1.5 s; 3 s without an ack, N2 pages Moussa by Slack and SMS.
    harness = await startPagesHarness(
      { ackTimeout: '3s', repeatEvery: '10m', resolveWithin: '20m' },
      {
        awa: [{ channel: 'slack' }, { channel: 'email' }, { channel: 'sms', after: '1500ms' }],
        moussa: [{ channel: 'slack' }, { channel: 'sms', levels: ['N2'] }],
      },
    );
    const ph = harness;
    const opener = ph.h.start({ workers: false });
    const replicas = [1, 2].map(() => ph.h.start({ pagers: ph.pagers(), reconcileEveryMs: 500 }));
    const first = await openMany(opener, 'replicas', 10);
    const emails = () => ph.smtp.to(AWA.email).map((mail) => mail.subject);
    const awaSms = () => ph.sms.to(AWA.phone).map((sms) => sms.text);
    const moussaSms = () => ph.sms.to(MOUSSA.phone).map((sms) => sms.text);
    await until('every N2 SMS of the first ten', () => perIncident(moussaSms()).size === 10);
    await until('every N1 SMS of the first ten', () => perIncident(awaSms()).size === 10);

    // A restart: the replicas stop, five incidents open with nobody running, Redis loses every job.
    await Promise.all(replicas.map((replica) => replica.close({ graceMs: 1000 })));
    const second = await openMany(opener, 'restart', 5);
    await obliterateQueues(ph.h.redis, Object.values(ph.h.names));
    ph.h.start({ pagers: ph.pagers(), reconcileEveryMs: 500 });
    await until('every N2 SMS of all fifteen', () => perIncident(moussaSms()).size === 15);
    await until('every page line done with', async () => {
      const { rows } = await ph.h.pool.query(
        `SELECT 1 FROM incident_outbox WHERE kind IN ('dm', 'page') AND sent_at IS NULL`,
      );
      return rows.length === 0;
    });

    const all = [...first, ...second].sort((a, b) => a - b);
    for (const texts of [emails(), awaSms(), moussaSms()]) {
      const counts = perIncident(texts);
      expect([...counts.keys()].sort((a, b) => a - b)).toEqual(all);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
    }
    const { rows } = await ph.h.pool.query<{
      recipient: string;
      channel: string;
      outcome: string;
      lines: string;
    }>(
      `SELECT recipient, channel, outcome, count(*) AS lines FROM incident_outbox
        WHERE kind IN ('dm', 'page') AND recipient = ANY($1) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [[AWA.slackId, MOUSSA.slackId]],
    );
    expect(rows.map((row) => `${row.recipient} ${row.channel} ${row.outcome} ${row.lines}`)).toEqual([
      `${AWA.slackId} email sent 15`,
      `${AWA.slackId} slack sent 15`,
      `${AWA.slackId} sms sent 15`,
      `${MOUSSA.slackId} slack sent 15`,
      `${MOUSSA.slackId} sms sent 15`,
    ]);
    // The Slack DMs too: one per page, whichever replica sent it.
    expect([ph.h.dmsTo(AWA.slackId).length, ph.h.dmsTo(MOUSSA.slackId).length]).toEqual([15, 15]);
  });
});
