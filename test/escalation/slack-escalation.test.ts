import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../src/app/start-bot.js';
import { INCIDENT_ACTIONS, POSTMORTEM_ACTION } from '../../src/escalation/incident-message.js';
import { silentLogger } from '../../src/logging/logger.js';
import { TEST_CHANNEL, TEST_USER, testInventory } from '../handlers/test-inventory.js';
import { SignedRequestClient } from '../slack/signed-request-client.js';
import { SlackApiDouble } from '../slack/slack-api-double.js';
import { obliterateBotQueues } from '../support/bot-queues.js';
import { eventually } from '../support/eventually.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';

const signingSecret = `secret-${randomUUID()}`;
const namespace = `test-e2e-${randomUUID().slice(0, 8)}`;
const N3 = 'UFATOUN3';
const OUTSIDER = 'UIBOUOUT';
const double = new SlackApiDouble();
// Every call the bot made in a test is one Slack would take (test/slack/double/).
afterEach(() => double.assertNoViolations());
const fixture = testInventory({
  team: [
    { slackId: TEST_USER, name: 'Awa', roles: ['devops'] },
    { slackId: N3, name: 'Fatou', roles: ['lead'] },
    { slackId: OUTSIDER, name: 'Ibou', roles: ['backend'] },
  ],
  escalation: {
    levels: {
      N2: { ackTimeout: '1s', repeatEvery: '60s', resolveWithin: '60s' },
      N3: { ackTimeout: '60s', repeatEvery: '60s', resolveWithin: '60s' },
    },
  },
});
let scratch: ScratchDatabase;
let bot: RunningBot;
let slack: SignedRequestClient;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await double.start();
  bot = await startBot({
    mode: { kind: 'http', botToken: 'xoxb-e2e', signingSecret, apiUrl: double.apiUrl, port: 0 },
    inventory: fixture.inventory,
    env: {
      DATABASE_URL: scratch.url,
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      SAMAOPS_QUEUE_NAMESPACE: namespace,
    },
    logger: silentLogger(),
    host: '127.0.0.1',
  });
  slack = new SignedRequestClient(`http://127.0.0.1:${bot.port}/slack/events`);
});

afterAll(async () => {
  await bot?.stop({ graceMs: 2000 });
  await double.stop();
  await obliterateBotQueues(namespace);
  await scratch?.drop();
  fixture.remove();
});

const command = (text: string, userId = TEST_USER) => {
  const id = randomUUID();
  return { text, userId, channelId: TEST_CHANNEL, responseUrl: double.responseUrl(id), id };
};
const press = (actionId: string, value: string, userId: string) => {
  const id = randomUUID();
  return {
    id,
    press: {
      actionId,
      value,
      userId,
      channelId: TEST_CHANNEL,
      messageTs: '1.1',
      responseUrl: double.responseUrl(id),
    },
  };
};
const posts = () => double.callsOf('chat.postMessage');
const text = (call: { params: Record<string, unknown> }) =>
  `${call.params.text ?? ''}${JSON.stringify(call.params.blocks ?? '')}`;

const waitFor = eventually;

describe('incidents end to end (HTTP mode, Slack double, real PostgreSQL and Redis)', () => {
  it('opens from /sama, posts the message with its buttons, DMs the person paged, even through a 429', async () => {
    double.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const call = command('incident open N2 "API 502"');
    expect((await slack.slashCommand(call, { signingSecret })).status).toBe(200);
    const answer = await double.waitForResponseTo(call.id);
    expect(answer.params.response_type).toBe('ephemeral');
    expect(answer.params.text).toContain('Incident #1 ouvert en N2.');
    await waitFor('root, thread line and DM', () => posts().filter((p) => !p.params.thread_ts).length >= 3);
    const root = posts().find(
      (p) => text(p).includes('Incident #1 — API 502') && p.params.channel === TEST_CHANNEL,
    );
    expect(root).toBeDefined();
    for (const actionId of Object.values(INCIDENT_ACTIONS))
      expect(text(root ?? { params: {} })).toContain(actionId);
    expect(text(root ?? { params: {} })).not.toContain(POSTMORTEM_ACTION);
    expect(double.callsOf('conversations.open').map((c) => c.params.users)).toContain(TEST_USER);
    expect(
      posts().some(
        (p) => p.params.channel === double.dmChannelOf(TEST_USER) && text(p).includes('appelé(e) en N2'),
      ),
    ).toBe(true);
    await waitFor('thread line', () => posts().some((p) => p.params.thread_ts && text(p).includes('🔔 N2')));
    // The 429 was answered to one of these calls, and that same message was sent again.
    const sent = posts().map(text);
    expect(sent.length - new Set(sent).size).toBe(1);
  });

  it('refuses the buttons to someone outside the policy; the person paged acknowledges and the message says so', async () => {
    const outsider = press(INCIDENT_ACTIONS.acknowledge, '1', OUTSIDER);
    await slack.blockAction(outsider.press, { signingSecret });
    const refusal = await double.waitForResponseTo(outsider.id);
    expect(refusal.params.response_type).toBe('ephemeral');
    expect(refusal.params.text).toContain('Seules les personnes de la politique');

    const ack = press(INCIDENT_ACTIONS.acknowledge, '1', TEST_USER);
    await slack.blockAction(ack.press, { signingSecret });
    expect((await double.waitForResponseTo(ack.id)).params.text).toContain('Incident #1 : fait.');
    await waitFor('chat.update showing the ack', () =>
      double.callsOf('chat.update').some((u) => text(u).includes('pris en charge par <@UTESTOPS1>')),
    );
  });

  it('without an ack, the next incident escalates to N3 and DMs them', async () => {
    const call = command('incident open N2 "RabbitMQ saturé"');
    await slack.slashCommand(call, { signingSecret });
    await double.waitForResponseTo(call.id);
    await waitFor('N3 paged', () => double.callsOf('conversations.open').some((c) => c.params.users === N3));
    await waitFor('escalation line in the thread', () =>
      posts().some((p) => p.params.thread_ts && text(p).includes('Escalade N2 → N3')),
    );
  });

  it('a resolved N2 incident offers Post-mortem; the draft is shared as a file in its thread, by the button and by /sama', async () => {
    const resolve = press(INCIDENT_ACTIONS.resolve, '1', TEST_USER);
    await slack.blockAction(resolve.press, { signingSecret });
    await double.waitForResponseTo(resolve.id);
    await waitFor('the resolved message with its Post-mortem button', () =>
      double.callsOf('chat.update').some((u) => text(u).includes(POSTMORTEM_ACTION)),
    );
    // The incident's own message, updated in place: its thread is where the draft goes.
    const rootTs = String(
      double.callsOf('chat.update').find((u) => text(u).includes(POSTMORTEM_ACTION))?.params.ts,
    );

    const button = press(POSTMORTEM_ACTION, '1', TEST_USER);
    await slack.blockAction(button.press, { signingSecret });
    expect((await double.waitForResponseTo(button.id)).params.text).toContain(
      'Brouillon de post-mortem de l’incident #1 publié dans son fil.',
    );
    const [shared] = double.sharedFiles();
    expect(shared).toMatchObject({
      filename: 'postmortem-incident-1.md',
      title: 'Post-mortem — incident #1',
      channel: TEST_CHANNEL,
      threadTs: rootTs,
    });
    const draft = shared?.bytes.toString('utf8') ?? '';
    expect(draft).toContain('# Post-mortem — incident #1 : API 502');
    expect(draft).toContain('Ouvert à la main.');
    expect(draft).toContain('Pris en charge par Awa (UTESTOPS1)');
    expect(draft).toContain('- Résolu le ');

    const call = command('incident postmortem 1');
    await slack.slashCommand(call, { signingSecret });
    expect((await double.waitForResponseTo(call.id)).params.text).toContain('publié dans son fil');
    expect(double.sharedFiles()).toHaveLength(2);
    expect(double.sharedFiles()[1]?.threadTs).toBe(rootTs);
  });
});
