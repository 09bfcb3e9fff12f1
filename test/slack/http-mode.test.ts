import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../src/app/start-bot.js';
import { silentLogger } from '../../src/logging/logger.js';
import { RERUN_DIAGNOSIS_ACTION } from '../../src/playbooks/diagnosis-message.js';
import { slackLimits } from '../../src/render/message-model.js';
import { TEST_CHANNEL, TEST_USER, testInventory } from '../handlers/test-inventory.js';
import { startBlackHole } from '../support/black-hole.js';
import { obliterateBotQueues, testQueueNamespace } from '../support/bot-queues.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { SignedRequestClient } from './signed-request-client.js';
import { SlackApiDouble } from './slack-api-double.js';

const signingSecret = `secret-${randomUUID()}`;
const botToken = `xoxb-test-${randomUUID()}`;
// The bot's own database is a scratch one (the bot migrates it at start); its Redis is the machine's.
const env: Record<string, string> = {
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  // Its own BullMQ queues: the bot starts the escalation workers when REDIS_URL is set.
  SAMAOPS_QUEUE_NAMESPACE: testQueueNamespace(),
};
let scratch: ScratchDatabase;

/** Starts the bot in HTTP mode on a loopback port, talking to the double's Web API. */
async function startHttpBot(
  double: SlackApiDouble,
  inventory: ReturnType<typeof testInventory>['inventory'],
) {
  const bot = await startBot({
    mode: { kind: 'http', botToken, signingSecret, apiUrl: double.apiUrl, port: 0 },
    inventory,
    env,
    logger: silentLogger(),
    host: '127.0.0.1',
  });
  return {
    bot,
    base: `http://127.0.0.1:${bot.port}`,
    slack: new SignedRequestClient(`http://127.0.0.1:${bot.port}/slack/events`),
  };
}

const double = new SlackApiDouble();
// Every call the bot made in a test is one Slack would take (test/slack/double/).
afterEach(() => double.assertNoViolations());
const fixture = testInventory();
let bot: RunningBot;
let base: string;
let slack: SignedRequestClient;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  env.DATABASE_URL = scratch.url;
  await double.start();
  ({ bot, base, slack } = await startHttpBot(double, fixture.inventory));
});

afterAll(async () => {
  await bot?.stop({ graceMs: 2000 });
  await double.stop();
  await scratch?.drop();
  await obliterateBotQueues(env.SAMAOPS_QUEUE_NAMESPACE ?? '');
  fixture.remove();
});

const command = (text: string, userId = TEST_USER, channelId = TEST_CHANNEL) => {
  const id = randomUUID();
  return { text, userId, channelId, responseUrl: double.responseUrl(id), id };
};

describe('HTTP mode against the Slack Web API double', () => {
  it('verified the bot token with auth.test at start', () => {
    const [authTest] = double.callsOf('auth.test');
    expect(authTest?.authorization).toBe(`Bearer ${botToken}`);
  });

  it('/sama diagnose db: acks, posts "en cours", then chat.update replaces it with the report', async () => {
    const posts = double.callsOf('chat.postMessage').length;
    const updates = double.callsOf('chat.update').length;
    const response = await slack.slashCommand(command('diagnose db'), { signingSecret });
    expect(response.status).toBe(200);
    const [post] = (await double.waitForCalls('chat.postMessage', posts + 1)).slice(posts);
    const [update] = (await double.waitForCalls('chat.update', updates + 1)).slice(updates);
    expect(post?.params.channel).toBe(TEST_CHANNEL);
    expect(post?.params.text).toContain('Diagnostic en cours…');
    expect(update?.params.channel).toBe(TEST_CHANNEL);
    expect(update?.params.ts).toMatch(/^\d+\.000100$/);
    const blocks = update?.params.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { text: expect.stringContaining('Base de données lente') },
    });
    const sectionText = blocks
      .filter((b) => b.type === 'section')
      .map((b) => b.text?.text ?? '')
      .join('\n');
    expect(sectionText).toContain('PostgreSQL répond (SELECT 1)');
    expect(blocks.some((b) => b.type === 'actions')).toBe(true);
  });

  it('rejects a bad signature and a timestamp older than 5 minutes with 401, and runs nothing', async () => {
    const before = double.calls.length;
    const forged = await slack.slashCommand(command('diagnose'), {
      signingSecret,
      wrongSecret: 'not-the-secret',
    });
    const old = await slack.slashCommand(command('diagnose'), {
      signingSecret,
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(forged.status).toBe(401);
    expect(old.status).toBe(401);
    // A valid request afterwards is answered; requests are handled in order, so had the rejected
    // ones run anything, their calls would have been recorded before this one's.
    const probe = command('help');
    expect((await slack.slashCommand(probe, { signingSecret })).status).toBe(200);
    await double.waitForResponseTo(probe.id);
    // (users.info is the probe's own: its ephemeral answer asks for the person's language.)
    const methods = double.calls.slice(before).map((call) => call.method);
    expect(methods.filter((method) => method !== 'users.info')).toEqual(['response_url']);
  });

  it('answers an unknown sub-command with the valid ones and the way to the help', async () => {
    const call = command('reboot');
    await slack.slashCommand(call, { signingSecret });
    const answer = await double.waitForResponseTo(call.id);
    expect(answer?.params.response_type).toBe('ephemeral');
    expect(answer?.params.text).toContain('Sous-commande inconnue « reboot »');
    expect(JSON.stringify(answer?.params.blocks)).toContain('`/sama help` — affiche cette aide');
    expect(JSON.stringify(answer?.params.blocks)).not.toContain('/sama restart');
  });

  it('refuses a user outside the team, ephemerally, and posts nothing', async () => {
    const posts = double.callsOf('chat.postMessage').length;
    const call = command('diagnose', 'UOUTSIDER9');
    await slack.slashCommand(call, { signingSecret });
    const answer = await double.waitForResponseTo(call.id);
    expect(answer?.params.response_type).toBe('ephemeral');
    expect(answer?.params.text).toContain('ne faites pas partie de l’équipe');
    expect(double.callsOf('chat.postMessage')).toHaveLength(posts);
  });

  it('retries chat.postMessage after a 429, waiting Retry-After', async () => {
    const posts = double.callsOf('chat.postMessage').length;
    const updates = double.callsOf('chat.update').length;
    double.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await slack.slashCommand(command('diagnose redis'), { signingSecret });
    const [limited, retried] = (await double.waitForCalls('chat.postMessage', posts + 2)).slice(posts);
    expect(retried && limited ? retried.at - limited.at : 0).toBeGreaterThanOrEqual(950);
    await double.waitForCalls('chat.update', updates + 1);
  });

  it('retries a chat.update that got a 500, and the report still arrives', async () => {
    const updates = double.callsOf('chat.update').length;
    double.failNext('chat.update', { status: 500 });
    await slack.slashCommand(command('diagnose redis'), { signingSecret });
    const [failed, retried] = (await double.waitForCalls('chat.update', updates + 2)).slice(updates);
    expect(retried?.params.ts).toBe(failed?.params.ts);
  });

  it('a Slack error it cannot retry is counted and told to the user ephemerally', async () => {
    double.failNext('chat.postMessage', { status: 200, error: 'channel_not_found' });
    const call = command('diagnose redis');
    await slack.slashCommand(call, { signingSecret });
    const answer = await double.waitForResponseTo(call.id);
    expect(answer.params.response_type).toBe('ephemeral');
    expect(answer.params.text).toContain('La commande a échoué');
    expect(answer.params.text).toContain('channel_not_found');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain(
      'samaops_slack_api_errors_total{method="chat.postMessage",code="channel_not_found"} 1',
    );
  });

  it('a button press (block_actions) runs the playbook named by its value', async () => {
    const posts = double.callsOf('chat.postMessage').length;
    const updates = double.callsOf('chat.update').length;
    const response = await slack.blockAction(
      {
        actionId: RERUN_DIAGNOSIS_ACTION,
        value: 'redis',
        userId: TEST_USER,
        channelId: TEST_CHANNEL,
        messageTs: '1700000001.000100',
        responseUrl: double.responseUrl(randomUUID()),
      },
      { signingSecret },
    );
    expect(response.status).toBe(200);
    await double.waitForCalls('chat.postMessage', posts + 1);
    const [update] = (await double.waitForCalls('chat.update', updates + 1)).slice(updates);
    expect(JSON.stringify(update?.params.blocks)).toContain('Redis mémoire pleine');
  });

  it('serves /health, /ready (its own PostgreSQL and Redis) and /metrics', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, dependencies: { postgres: 'up', redis: 'up' } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/samaops_commands_handled_total\{command="diagnose",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/samaops_commands_handled_total\{command="diagnose",outcome="refused"\} 1/);
    expect(metrics).toMatch(/samaops_check_duration_seconds_bucket\{le="[^"]+",check="postgres.ping"\}/);
  });
});

describe('HTTP mode with a hung service', () => {
  it('acks well before the checks finish: the slash command answer precedes chat.update by the timeout', async () => {
    const hole = await startBlackHole();
    const slow = testInventory({
      checkTimeoutMs: 1500,
      services: { redis: { url: `redis://127.0.0.1:${hole.port}/0` } },
    });
    const hungDouble = await new SlackApiDouble().start();
    const { bot: hungBot, slack: hungSlack } = await startHttpBot(hungDouble, slow.inventory);
    try {
      const response = await hungSlack.slashCommand(command('diagnose redis'), { signingSecret });
      expect(response.status).toBe(200);
      const [update] = await hungDouble.waitForCalls('chat.update', 1);
      // The hung Redis costs its 1.5 s timeout after the ack, not before it.
      expect((update?.at ?? 0) - response.at).toBeGreaterThan(1000);
      expect(JSON.stringify(update?.params.blocks)).toContain('pas de réponse en 1500 ms');
      hungDouble.assertNoViolations();
    } finally {
      await hungBot.stop({ graceMs: 2000 });
      await hungDouble.stop();
      await hole.close();
      slow.remove();
    }
  });
});
