import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageOutcome } from '../../../src/escalation/pages/page-counter.js';
import type { SlackSender } from '../../../src/outbound/slack-sender.js';
import { readTimeline } from '../../../src/store/incidents/incident-queries.js';
import { until } from '../escalation-harness.js';
import { AWA, incidentOf, type PagesHarness, startPagesHarness } from './pages-harness.js';

let harness: PagesHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const slow = { ackTimeout: '10m', repeatEvery: '10m', resolveWithin: '1h' };

async function pageLines(ph: PagesHarness, incidentId: number) {
  const { rows } = await ph.h.pool.query<{
    id: string;
    channel: string;
    outcome: string | null;
    sent_at: Date | null;
    send_after: Date | null;
  }>(
    `SELECT id, channel, outcome, sent_at, send_after FROM incident_outbox
      WHERE incident_id = $1 AND kind IN ('dm', 'page') ORDER BY id`,
    [incidentId],
  );
  return rows;
}

async function open(service: ReturnType<PagesHarness['h']['start']>, key: string) {
  const outcome = await service.open({
    dedupKey: key,
    title: key,
    source: 'test',
    level: 'N1',
    by: AWA.slackId,
  });
  return outcome.incident.id;
}

describe('notification rules', () => {
  it('sends the SMS after its delay, once, while nobody acknowledges; an acknowledgement cancels one not due yet', async () => {
    harness = await startPagesHarness(slow, {
      awa: [{ channel: 'slack' }, { channel: 'sms', after: '2s' }],
      moussa: [{ channel: 'slack' }],
    });
    const ph = harness;
    const service = ph.h.start({ pagers: ph.pagers() });
    const waiting = await open(service, 'unacknowledged');
    const [sms] = await ph.sms.waitFor(AWA.phone);
    expect(incidentOf(sms?.text ?? '')).toBe(waiting);
    await until('the SMS line sent', async () => (await pageLines(ph, waiting))[1]?.outcome === 'sent');
    const [dm, text] = await pageLines(ph, waiting);
    expect(dm?.channel).toBe('slack');
    // Not before its time: the database holds when it was due and when it went.
    expect(text?.sent_at?.getTime()).toBeGreaterThanOrEqual((text?.send_after?.getTime() ?? 0) - 50);

    const acknowledged = await open(service, 'acknowledged');
    await service.act(acknowledged, { kind: 'acknowledge', by: AWA.slackId });
    // Cancelled by the acknowledgement's own transaction (or, on a machine slow enough for the
    // delay to pass first, by its delivery finding the incident acknowledged).
    await until(
      'the SMS line cancelled',
      async () => (await pageLines(ph, acknowledged))[1]?.outcome === 'cancelled',
    );
    const [, cancelled] = await pageLines(ph, acknowledged);
    // Its delayed job still fires at its time, finds the line done with, and sends nothing.
    const pages = new Queue(ph.h.names.pagesQueue, { connection: ph.h.redis });
    try {
      await until(
        'the cancelled page’s job has run',
        async () => !(await pages.getJob(`out-${cancelled?.id}`)),
      );
    } finally {
      await pages.close();
    }
    expect(ph.sms.received.map((received) => incidentOf(received.text))).toEqual([waiting]);
  });

  it('fails a Slack DM over by itself once it failed past its retries (Slack otherwise answering)', async () => {
    harness = await startPagesHarness(slow, {
      awa: [{ channel: 'slack' }, { channel: 'email', after: '10m' }, { channel: 'sms', after: '10m' }],
      moussa: [{ channel: 'slack' }],
    });
    const ph = harness;
    const recording = ph.h.sender;
    const refusingAwa: SlackSender = {
      post: async (channel, message, threadTs) => {
        if (channel === `D${AWA.slackId}`) throw new Error('An API error occurred: not_in_channel');
        return recording.post(channel, message, threadTs);
      },
      update: (channel, ts, message) => recording.update(channel, ts, message),
      openDm: (userId) => recording.openDm(userId),
    };
    const service = ph.h.start({
      pagers: ph.pagers(),
      sender: refusingAwa,
      outboundAttempts: 2,
      failoverAfterMs: 600_000,
    });
    const id = await open(service, 'dm-refused');
    const [mail] = await ph.smtp.waitFor(AWA.email);
    await ph.sms.waitFor(AWA.phone);
    expect(mail?.subject).toContain(`#${id}`);
    const timeline = (await readTimeline(ph.h.pool, id)).map((entry) => entry.record);
    expect(timeline).toContainEqual({
      type: 'failed-over',
      level: 'N1',
      people: [AWA.slackId],
      channels: ['email', 'sms'],
    });
    await until('the failed-over line reaches the thread', () =>
      recording.sent.some((sent) => sent.threadTs !== undefined && sent.text.includes('Slack ne répond pas')),
    );
    expect([ph.smtp.to(AWA.email).length, ph.sms.to(AWA.phone).length]).toEqual([1, 1]);
  });

  it('retries a page the gateway refuses until it answers, and sends it once', async () => {
    harness = await startPagesHarness(slow, { awa: [{ channel: 'sms' }], moussa: [{ channel: 'slack' }] });
    const ph = harness;
    const counted: string[] = [];
    ph.sms.refuseAll(503);
    const service = ph.h.start({
      pagers: ph.pagers(),
      outboundAttempts: 2,
      reconcileEveryMs: 300,
      countPage: (channel, outcome: PageOutcome) => counted.push(`${channel} ${outcome}`),
    });
    const id = await open(service, 'gateway-down');
    await until('the gateway refused it twice', () => ph.sms.refused.length >= 2);
    ph.sms.accept();
    const [sms] = await ph.sms.waitFor(AWA.phone);
    expect(incidentOf(sms?.text ?? '')).toBe(id);
    await until('the line sent', async () => (await pageLines(ph, id))[0]?.outcome === 'sent');
    expect(ph.sms.to(AWA.phone)).toHaveLength(1);
    expect(counted.filter((entry) => entry === 'sms failed').length).toBeGreaterThanOrEqual(2);
    expect(counted.filter((entry) => entry === 'sms sent')).toHaveLength(1);
  });
});
