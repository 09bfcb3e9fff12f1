import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { RERUN_DIAGNOSIS_ACTION } from '../../src/playbooks/diagnosis-message.js';
import { TEST_CHANNEL, TEST_USER, testInventory } from '../handlers/test-inventory.js';
import { eventually } from '../support/eventually.js';
import { type HttpTestBot, startHttpTestBot } from './http-test-bot.js';
import { type RecordedCall, SlackApiDouble } from './slack-api-double.js';
import { blockActionsBody, retriedDeliveryHeaders, slashCommandBody } from './slack-fixtures.js';

/**
 * The bot in HTTP mode, fed the requests of test/fixtures/slack/ exactly as Slack sends them
 * (manifest.yml: `should_escape: true`), answering through the strict Slack double.
 */
const double = new SlackApiDouble();
afterEach(() => double.assertNoViolations());
const fixture = testInventory();
const logs = new PassThrough();
const logLines: string[] = [];
logs.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
let testBot: HttpTestBot;

beforeAll(async () => {
  await double.start();
  testBot = await startHttpTestBot({
    double,
    inventory: fixture.inventory,
    logger: createLogger({ level: 'info', destination: logs }),
  });
});

afterAll(async () => {
  await testBot?.stop();
  await double.stop();
  fixture.remove();
});

/** How many redeliveries the bot logged as ignored. */
const ignoredCount = () => logLines.filter((line) => line.includes('Slack redelivery ignored')).length;

/** Sends a slash-command fixture from the team's channel; resolves with the response_url's answer. */
async function slashCommand(name: string): Promise<RecordedCall> {
  const id = randomUUID();
  const body = slashCommandBody(name, {
    channel_id: TEST_CHANNEL,
    user_id: TEST_USER,
    response_url: double.responseUrl(id),
  });
  expect((await testBot.slack.send(body, { signingSecret: testBot.signingSecret })).status).toBe(200);
  return double.waitForResponseTo(id);
}

/** Sends a block_actions fixture (a press on "run the diagnosis again" for redis). */
async function press(name: string, channelId: string, headers: Record<string, string> = {}) {
  const id = randomUUID();
  const body = blockActionsBody(name, {
    channel_id: channelId,
    user_id: TEST_USER,
    message_ts: '1700000001.000100',
    response_url: double.responseUrl(id),
    action_id: RERUN_DIAGNOSIS_ACTION,
    value: 'redis',
  });
  expect((await testBot.slack.send(body, { signingSecret: testBot.signingSecret }, headers)).status).toBe(
    200,
  );
  return id;
}

const blocksText = (call: RecordedCall) => JSON.stringify(call.params.blocks ?? []);

describe('slash commands as Slack sends them with should_escape: true', () => {
  it('/sama oncall override <@U024BE7LH|jean> support_n1 8h takes the shift, and jean is mentioned live', async () => {
    const set = await slashCommand('slash-oncall-override');
    expect(set.params.text).toContain('tient le rôle support_n1');
    expect(set.reading?.mentions).toContain('U024BE7LH');
    const list = await slashCommand('slash-oncall-list');
    expect(blocksText(list)).toContain('support_n1 : <@U024BE7LH>');
    expect(list.reading?.mentions).toContain('U024BE7LH');
  });

  it('user text is unescaped once, and reaches Slack again escaped: & < > shown, @channel inert', async () => {
    const posts = double.callsOf('chat.postMessage').length;
    const answer = await slashCommand('slash-incident-escaped');
    expect(answer.params.text).toMatch(/Incident #\d+ ouvert en N2/);
    const [root] = (await double.waitForCalls('chat.postMessage', posts + 1)).slice(posts);
    const header = ((root?.params.blocks ?? []) as { text: { text: string } }[])[0]?.text.text;
    expect(header).toContain('API & DB <lentes> vues dans #samaconso-prod, cc ops@senelec.sn @channel');
    expect(root?.params.text).toContain('API &amp; DB &lt;lentes&gt; vues dans #samaconso-prod');
    expect(root?.reading?.specials).toEqual([]);
    expect(root?.reading?.links).toEqual([]);
  });
});

describe('block_actions from a channel message, an ephemeral message and a DM', () => {
  it('a press on a channel message or an ephemeral one runs in that channel; a press in a DM is refused', async () => {
    for (const name of ['block-actions-channel-message', 'block-actions-ephemeral']) {
      const updates = double.callsOf('chat.update').length;
      await press(name, TEST_CHANNEL);
      const [update] = (await double.waitForCalls('chat.update', updates + 1)).slice(updates);
      expect([name, update?.params.channel]).toEqual([name, TEST_CHANNEL]);
      expect(blocksText(update as RecordedCall)).toContain('Redis mémoire pleine');
    }
    // The incident opened above may still page this user by DM; what matters is that the
    // refused press ran no diagnosis: nothing about Redis is posted to or updated in the DM.
    const inDm = () =>
      [...double.callsOf('chat.postMessage'), ...double.callsOf('chat.update')].filter(
        (call) => call.params.channel === 'DTESTOPS1' && JSON.stringify(call.params).includes('Redis'),
      );
    const refused = await double.waitForResponseTo(await press('block-actions-dm', 'DTESTOPS1'));
    expect(refused.params.response_type).toBe('ephemeral');
    expect(refused.params.text).toContain('ne répond que dans les canaux configurés');
    expect(new Set(refused.reading?.channels)).toEqual(new Set([TEST_CHANNEL]));
    expect(inDm()).toEqual([]);
  });

  it('a delivery Slack retries after a timeout (X-Slack-Retry-Num) runs nothing a second time', async () => {
    const updates = double.callsOf('chat.update').length;
    await press('block-actions-channel-message', TEST_CHANNEL);
    await double.waitForCalls('chat.update', updates + 1);
    const posts = double.callsOf('chat.postMessage').length;
    const ignored = ignoredCount();
    await press('block-actions-channel-message', TEST_CHANNEL, retriedDeliveryHeaders());
    await eventually('the retried delivery, seen and ignored', () => ignoredCount() > ignored);
    // The listener returned right after logging it: nothing of the retry is left to run.
    expect(double.callsOf('chat.postMessage')).toHaveLength(posts);
  });
});
