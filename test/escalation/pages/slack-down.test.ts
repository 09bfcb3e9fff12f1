import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../../src/app/start-bot.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { smsSegments } from '../../../src/render/sms-segments.js';
import { TEST_CHANNEL, testInventory } from '../../handlers/test-inventory.js';
import { SlackApiDouble } from '../../slack/slack-api-double.js';
import { obliterateBotQueues } from '../../support/bot-queues.js';
import { eventually } from '../../support/eventually.js';
import { createScratchDatabase, type ScratchDatabase } from '../../support/scratch-database.js';
import { SmsGatewayDouble } from '../../support/sms-gateway-double.js';
import { SmtpPeer } from '../../support/smtp-peer.js';

// The whole bot in HTTP mode (scratch database, its own queues, the strict Slack double), a real
// SMTP server and the SMS gateway double. Slack goes down (every call answered `fatal_error`), an
// Alertmanager alert opens an N1 incident: Awa's rules say Slack at once, email and SMS after
// 10 minutes; Slack failing for `failoverAfter` (2 s here) sends them at once. Then Slack returns.
const namespace = `test-pages-${randomUUID().slice(0, 8)}`;
const INTAKE_TOKEN = `am-${randomUUID()}`;
const AWA = { slackId: 'UAWAN1001', email: 'awa@senelec.sn', phone: '+221770000001' };
process.env.SAMAOPS_TEST_SMTP_PASSWORD = `smtp-${randomUUID()}`;
process.env.SAMAOPS_TEST_SMS_TOKEN = `sms-${randomUUID()}`;
const double = new SlackApiDouble();
afterEach(() => double.assertNoViolations());
const smtp = new SmtpPeer('samaops', process.env.SAMAOPS_TEST_SMTP_PASSWORD);
const sms = new SmsGatewayDouble(process.env.SAMAOPS_TEST_SMS_TOKEN);
// Ack links signed by the bot (SAMAOPS_LINK_SECRET); people reach it at PUBLIC_URL.
const PUBLIC_URL = 'https://samaops.test/';
let fixture: ReturnType<typeof testInventory>;
let scratch: ScratchDatabase;
let bot: RunningBot;
let pool: pg.Pool;

beforeAll(async () => {
  await Promise.all([double.start(), smtp.start(), sms.start()]);
  scratch = await createScratchDatabase();
  pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  pool.on('error', () => undefined);
  const later = '10m';
  fixture = testInventory({
    team: [
      {
        ...AWA,
        name: 'Awa',
        roles: ['support_n1'],
        notify: [{ channel: 'slack' }, { channel: 'email', after: later }, { channel: 'sms', after: later }],
      },
    ],
    escalation: {
      watch: { playbook: 'off' },
      intake: { token: INTAKE_TOKEN },
      levels: { N1: { ackTimeout: '30m', repeatEvery: '30m', resolveWithin: '4h' } },
    },
    notifications: {
      email: smtp.inventorySection('SAMAOPS_TEST_SMTP_PASSWORD'),
      sms: sms.inventorySection('SAMAOPS_TEST_SMS_TOKEN'),
      failoverAfter: '2s',
    },
  });
  bot = await startBot({
    mode: { kind: 'http', botToken: 'xoxb-test', signingSecret: 'secret', apiUrl: double.apiUrl, port: 0 },
    inventory: fixture.inventory,
    env: {
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      DATABASE_URL: scratch.url,
      SAMAOPS_QUEUE_NAMESPACE: namespace,
      SAMAOPS_LINK_SECRET: `${randomUUID()}${randomUUID()}`,
      SAMAOPS_PUBLIC_URL: PUBLIC_URL,
    },
    logger: silentLogger(),
    host: '127.0.0.1',
  });
});

afterAll(async () => {
  await bot?.stop({ graceMs: 2000 });
  await pool?.end();
  await Promise.all([double.stop(), smtp.stop(), sms.stop()]);
  await obliterateBotQueues(namespace);
  await scratch?.drop();
  fixture?.remove();
});

async function alert(fingerprint: string, instance: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${bot.port}/alerts/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${INTAKE_TOKEN}` },
    body: JSON.stringify({
      version: '4',
      status: 'firing',
      receiver: 'samaops',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'ApiDown', instance, severity: 'info' },
          annotations: { summary: 'L’API ne répond plus' },
          startsAt: '2026-12-01T03:00:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          fingerprint,
        },
      ],
    }),
  });
  expect(response.status).toBe(202);
}

const lines = async () =>
  (
    await pool.query<{
      kind: string;
      channel: string;
      recipient: string | null;
      outcome: string | null;
      sent: boolean;
    }>(
      'SELECT kind, channel, recipient, outcome, sent_at IS NOT NULL AS sent FROM incident_outbox ORDER BY id',
    )
  ).rows;

const delivered = (method: string) =>
  double.callsOf(method).filter((call) => call.status === 200 && call.answer?.ok === true);

describe('Slack down', () => {
  it('pages the N1 person by email and SMS at once, once each; when Slack returns, each thread catches up once', async () => {
    double.down({ status: 200, error: 'fatal_error' });
    await alert('deadbeef17', 'samaconso_api_1');

    const [mail] = await smtp.waitFor(AWA.email);
    const [text] = await sms.waitFor(AWA.phone);
    const { rows } = await pool.query<{ id: string }>('SELECT id FROM incidents');
    const id = Number(rows[0]?.id);
    expect(mail?.subject).toMatch(new RegExp(`^\\[samaops\\] N1 — incident #${id} : `));
    expect(mail?.text).toContain('Personne d’autre n’a été appelé.');
    const link = /Acquitter : (\S+)/.exec(mail?.text ?? '')?.[1] ?? '';
    expect(link.startsWith(`${PUBLIC_URL}ack/`)).toBe(true);
    expect(text?.text).toMatch(new RegExp(`Acquitter : ${PUBLIC_URL}ack/\\S+$`));
    // One SMS of 160 GSM-7 characters, or two that say so (a signed link is about 150 characters).
    const { encoding, segments } = smsSegments(text?.text ?? '');
    expect(encoding).toBe('gsm7');
    expect(segments === 1 || (segments === 2 && text?.text.startsWith('(2 SMS) '))).toBe(true);
    // The link opens the incident's ack page on the bot (a GET acts on nothing).
    const page = await fetch(link.replace(PUBLIC_URL, `http://127.0.0.1:${bot.port}/`));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`#${id}`);
    // Planned at +10 min: they came during the test because Slack failed, not because time passed.
    await eventually('the Slack DM failed over, the pages sent', async () =>
      (await lines()).some((line) => line.kind === 'dm' && line.outcome === 'failed-over'),
    );
    const timeline = await pool.query<{ type: string }>('SELECT type FROM incident_events ORDER BY id');
    expect(timeline.rows.map((row) => row.type)).toEqual(['opened', 'paged', 'failed-over']);

    // Slack known down: the next incident's pages go by email and SMS as soon as they are written.
    await alert('deadbeef18', 'samaconso_api_2');
    await smtp.waitFor(AWA.email, 2);
    await sms.waitFor(AWA.phone, 2);

    double.up();
    await eventually('every outbox line done with', async () => (await lines()).every((line) => line.sent));
    const pages = (await lines()).filter((line) => line.kind === 'dm' || line.kind === 'page');
    const each = ['slack failed-over', 'email sent', 'sms sent'];
    expect(pages.map((line) => `${line.channel} ${line.outcome}`)).toEqual([...each, ...each]);
    // Nothing twice: one email and one SMS per incident, and no DM once Slack is back.
    expect(smtp.to(AWA.email).map((received) => received.subject.match(/#\d+/)?.[0])).toEqual(['#1', '#2']);
    expect(sms.to(AWA.phone).map((received) => received.text.match(/#\d+/)?.[0])).toEqual(['#1', '#2']);
    expect(
      delivered('chat.postMessage').filter((call) => call.params.channel === double.dmChannelOf(AWA.slackId)),
    ).toEqual([]);
    const posted = delivered('chat.postMessage').filter((call) => call.params.channel === TEST_CHANNEL);
    const roots = posted.filter((call) => call.params.thread_ts === undefined);
    expect(roots).toHaveLength(2);
    for (const root of roots) {
      const ts = String(root.answer?.ts);
      const thread = posted
        .filter((call) => call.params.thread_ts === ts)
        .map((call) => String(call.params.text));
      const all = thread.join('\n');
      for (const line of ['Incident ouvert en N1', '🔔 N1', 'Slack ne répond pas'])
        expect(all.split(line).length - 1, line).toBe(1);
    }
    const metrics = await bot.metrics.registry.getSingleMetricAsString('samaops_pages_sent_total');
    expect(metrics).toContain('samaops_pages_sent_total{channel="email",outcome="sent"} 2');
    expect(metrics).toContain('samaops_pages_sent_total{channel="sms",outcome="sent"} 2');
    expect(metrics).toContain('samaops_pages_sent_total{channel="slack",outcome="failed-over"} 2');
  });
});
