import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../../src/app/start-bot.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { testInventory } from '../../handlers/test-inventory.js';
import { SlackApiDouble } from '../../slack/slack-api-double.js';
import { obliterateBotQueues } from '../../support/bot-queues.js';
import { createScratchDatabase, type ScratchDatabase } from '../../support/scratch-database.js';
import { until } from '../escalation-harness.js';

// The whole bot in HTTP mode (scratch database, its own queue namespace, the Slack double): an
// Alertmanager webhook on the bot's own HTTP server becomes an incident message in the channel.
const TOKEN = `am-${randomUUID()}`;
const namespace = `test-intake-${randomUUID().slice(0, 8)}`;
const double = new SlackApiDouble();
// Every call the bot made in a test is one Slack would take (test/slack/double/).
afterEach(() => double.assertNoViolations());
const fixture = testInventory({
  team: [{ slackId: 'UNIVEAU3', name: 'Fatou', roles: ['lead', 'devops'] }],
  escalation: { watch: { playbook: 'off' }, intake: { token: TOKEN } },
});
let scratch: ScratchDatabase;
let bot: RunningBot;
let base: string;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await double.start();
  bot = await startBot({
    mode: { kind: 'http', botToken: 'xoxb-test', signingSecret: 'secret', apiUrl: double.apiUrl, port: 0 },
    inventory: fixture.inventory,
    env: {
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      DATABASE_URL: scratch.url,
      SAMAOPS_QUEUE_NAMESPACE: namespace,
    },
    logger: silentLogger(),
    host: '127.0.0.1',
  });
  base = `http://127.0.0.1:${bot.port}`;
});

afterAll(async () => {
  await bot?.stop({ graceMs: 2000 });
  await double.stop();
  await obliterateBotQueues(namespace);
  await scratch?.drop();
  fixture.remove();
});

const payload = (status: 'firing' | 'resolved') => ({
  version: '4',
  status,
  receiver: 'samaops',
  alerts: [
    {
      status,
      labels: { alertname: 'DiskFull', instance: 'samaconso-db', severity: 'warning' },
      annotations: { summary: 'Disque à 91 %' },
      startsAt: '2026-01-05T03:00:00Z',
      endsAt: status === 'resolved' ? new Date().toISOString() : '0001-01-01T00:00:00Z',
      fingerprint: 'c0ffee42',
    },
  ],
});

const post = (body: unknown, authorization?: string) =>
  fetch(`${base}/alerts/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });

const texts = () => double.callsOf('chat.postMessage').map((call) => JSON.stringify(call.params));

describe('alert intake in HTTP mode', () => {
  it('401 without the token, 400 when malformed, 202 then an incident message; resolved → "Rétabli" in its thread', async () => {
    expect((await post(payload('firing'))).status).toBe(401);
    expect((await post(payload('firing'), 'Bearer not-the-token-at-all')).status).toBe(401);
    const malformed = await post({ status: 'firing', alerts: [{ labels: {} }] }, `Bearer ${TOKEN}`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { reason: string }).reason).toMatch(/alerts\.0\./);

    const accepted = await post(payload('firing'), `Bearer ${TOKEN}`);
    expect(accepted.status).toBe(202);
    await until('the incident message', () => texts().some((text) => text.includes('DiskFull')));
    expect(texts().filter((text) => text.includes('DiskFull') && text.includes('N2')).length).toBeGreaterThan(
      0,
    );

    expect((await post(payload('resolved'), `Bearer ${TOKEN}`)).status).toBe(202);
    await until('the recovery line', () => texts().some((text) => text.includes('Rétabli')));
  });
});

describe('an alert with hostile text', () => {
  it('<!channel>, a mention and a link in its summary reach the channel and the DMs as plain text', async () => {
    const hostile = payload('firing');
    const [alert] = hostile.alerts;
    if (!alert) throw new Error('no alert');
    alert.fingerprint = 'badc0de1';
    alert.labels.alertname = 'DiskAlmostFull';
    alert.annotations.summary =
      '<!channel> disk almost full <@UNIVEAU3> <https://evil.example|cliquez> \u0000 <!subteam^S0OPS>';
    expect((await post(hostile, `Bearer ${TOKEN}`)).status).toBe(202);
    const about = () =>
      double
        .callsOf('chat.postMessage')
        .filter((call) => JSON.stringify(call.params).includes('disk almost full'));
    const dm = double.dmChannelOf('UNIVEAU3');
    await until('the incident message and the DM', () => {
      const channels = about().map((call) => call.params.channel);
      return channels.includes(dm) && channels.some((channel) => channel !== dm);
    });
    for (const call of about()) {
      expect(call.reading?.specials).toEqual([]);
      expect(call.reading?.links).toEqual([]);
      expect(call.reading?.inertMentions).toContain('UNIVEAU3');
      expect(String(call.params.text)).toContain('&lt;!channel&gt; disk almost full &lt;@UNIVEAU3&gt;');
    }
    // The person paged is mentioned live by the bot in the incident message (once they are paged), not by the alert.
    const incidentMessages = () =>
      [...double.callsOf('chat.postMessage'), ...double.callsOf('chat.update')].filter(
        (call) =>
          call.params.channel !== dm && JSON.stringify(call.params.blocks ?? []).includes('disk almost full'),
      );
    await until('the incident message naming who is paged', () =>
      incidentMessages().some((call) => call.reading?.mentions.includes('UNIVEAU3')),
    );
    for (const call of incidentMessages()) expect(call.reading?.specials).toEqual([]);
  });
});
