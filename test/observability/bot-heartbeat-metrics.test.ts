import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../src/app/start-bot.js';
import { silentLogger } from '../../src/logging/logger.js';
import { testInventory } from '../handlers/test-inventory.js';
import { SlackApiDouble } from '../slack/slack-api-double.js';
import { obliterateBotQueues, testQueueNamespace } from '../support/bot-queues.js';
import { type HttpPeer, startHttpPeer } from '../support/http-peer.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';

// The whole bot in HTTP mode, as composeBot wires it: its heartbeat pushes to a local monitor
// double, and /metrics carries the outbox, watch and alert figures and Node's own.
const TOKEN = `am-${randomUUID()}`;
const namespace = testQueueNamespace();
const double = new SlackApiDouble();
afterEach(() => double.assertNoViolations());
const fixture = testInventory({
  team: [{ slackId: 'UNIVEAU3', name: 'Fatou', roles: ['lead', 'devops'] }],
  escalation: { watch: { playbook: 'redis', every: '2s' }, intake: { token: TOKEN } },
});
let scratch: ScratchDatabase;
let monitor: HttpPeer;
let bot: RunningBot;
let base: string;

beforeAll(async () => {
  fixture.remove();
  scratch = await createScratchDatabase('samaops_botbeat');
  monitor = await startHttpPeer();
  monitor.answer('/ping/bot', { status: 200, body: 'OK' });
  await double.start();
  bot = await startBot({
    mode: { kind: 'http', botToken: 'xoxb-test', signingSecret: 'secret', apiUrl: double.apiUrl, port: 0 },
    inventory: fixture.inventory,
    env: {
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      DATABASE_URL: scratch.url,
      SAMAOPS_QUEUE_NAMESPACE: namespace,
      SAMAOPS_HEARTBEAT_URL: `${monitor.url}/ping/bot`,
      SAMAOPS_HEARTBEAT_EVERY: '1s',
    },
    logger: silentLogger(),
    host: '127.0.0.1',
  });
  base = `http://127.0.0.1:${bot.port}`;
});

afterAll(async () => {
  await bot?.stop({ graceMs: 2000 });
  await double.stop();
  await monitor?.close();
  await obliterateBotQueues(namespace);
  await scratch?.drop();
});

/** The value of one series of /metrics, or undefined when absent. */
async function metric(series: string): Promise<number | undefined> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('the composed bot', () => {
  it('pushes its heartbeat every SAMAOPS_HEARTBEAT_EVERY while its loops are healthy', async () => {
    await expect
      .poll(() => monitor.requests.filter((request) => request.path === '/ping/bot').length, {
        timeout: 60_000,
      })
      .toBeGreaterThanOrEqual(2);
  });

  it('shows the watch’s last success, the outbox age, the alerts received and Node’s metrics on /metrics', async () => {
    await expect
      .poll(() => metric('samaops_watch_last_success_timestamp_seconds'), { timeout: 60_000 })
      .toBeGreaterThan(Date.now() / 1000 - 60);
    expect(await metric('samaops_outbox_oldest_pending_seconds')).toBe(0);
    expect(await metric('samaops_alerts_received_total{source="alertmanager"}')).toBe(0);
    const alert = await fetch(`${base}/alerts/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        version: '4',
        status: 'firing',
        receiver: 'samaops',
        alerts: ['f1', 'f2'].map((fingerprint) => ({
          status: 'firing',
          labels: { alertname: `Alert-${fingerprint}`, severity: 'info' },
          annotations: { summary: 'Test' },
          startsAt: '2026-01-05T03:00:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          fingerprint,
        })),
      }),
    });
    expect(alert.status).toBe(202);
    expect(await metric('samaops_alerts_received_total{source="alertmanager"}')).toBe(2);
    expect(await metric('samaops_alerts_received_total{source="grafana"}')).toBe(0);
    expect(await metric('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(await metric('nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });
});
