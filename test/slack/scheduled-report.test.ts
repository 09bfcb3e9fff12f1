import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../src/app/start-bot.js';
import { silentLogger } from '../../src/logging/logger.js';
import { slackLimits } from '../../src/render/message-model.js';
import { TEST_CHANNEL, TEST_USER, testInventory } from '../handlers/test-inventory.js';
import { obliterateBotQueues, testQueueNamespace } from '../support/bot-queues.js';
import { eventually } from '../support/eventually.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { SignedRequestClient } from './signed-request-client.js';
import { type RecordedCall, SlackApiDouble } from './slack-api-double.js';

/**
 * Scheduled reports end to end: two bots (replicas) in HTTP mode on one queue namespace and one
 * database, a daily report every second against this machine's services, Slack's Web API played
 * by the double. Each stored report is one main message in the report channel, its details in
 * that message's thread.
 */

const REPORT_CHANNEL = 'CREPORTS01';
const signingSecret = `secret-${randomUUID()}`;
const botToken = `xoxb-test-${randomUUID()}`;
const env: Record<string, string> = {
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  SAMAOPS_QUEUE_NAMESPACE: testQueueNamespace(),
};
const fixture = testInventory({
  // Daily every second; weekly and monthly far away, so that only daily ticks during the test.
  reports: {
    schedules: { daily: '* * * * * *', weekly: '0 3 * * 0', monthly: '0 6 1 * *' },
    channel: REPORT_CHANNEL,
  },
});
const double = new SlackApiDouble();
// Every call the bot made in a test is one Slack would take (test/slack/double/).
afterEach(() => double.assertNoViolations());
let scratch: ScratchDatabase;
let bots: RunningBot[] = [];

beforeAll(async () => {
  scratch = await createScratchDatabase();
  env.DATABASE_URL = scratch.url;
  await double.start();
  // One after the other: the first migrates the scratch database, the second finds it done.
  for (let replica = 0; replica < 2; replica += 1) {
    bots.push(
      await startBot({
        mode: { kind: 'http', botToken, signingSecret, apiUrl: double.apiUrl, port: 0 },
        inventory: fixture.inventory,
        env,
        logger: silentLogger(),
        host: '127.0.0.1',
      }),
    );
  }
});

afterAll(async () => {
  await stopBots();
  await double.stop();
  await scratch?.drop();
  await obliterateBotQueues(env.SAMAOPS_QUEUE_NAMESPACE ?? '');
  fixture.remove();
});

/** Stops both replicas; each lets its report in progress finish posting first. */
async function stopBots(): Promise<void> {
  const running = bots;
  bots = [];
  await Promise.all(running.map((bot) => bot.stop({ graceMs: 2000 })));
}

/** Waits until the double's record shows `found`, or fails naming what was awaited. */
const waitUntil = eventually;

const posts = (channel: string) =>
  double.callsOf('chat.postMessage').filter((call) => call.params.channel === channel && call.answer?.ok);
const mainPosts = (channel: string) => posts(channel).filter((call) => call.params.thread_ts === undefined);
const repliesTo = (main: RecordedCall) =>
  posts(String(main.params.channel)).filter((call) => call.params.thread_ts === main.answer?.ts);
const blockText = (call: RecordedCall) => JSON.stringify(call.params.blocks);

/** A main message and its replies: the report's title, the pointer, then numbered details in order. */
function expectThreadedReport(main: RecordedCall): void {
  const blocks = main.params.blocks as unknown[];
  expect(blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
  expect(String(main.params.text)).toContain('Rapport quotidien');
  expect(blockText(main)).toContain('Chaque section en entier est dans le fil de ce message.');
  const replies = repliesTo(main);
  expect(replies.length).toBeGreaterThanOrEqual(1);
  for (const [index, reply] of replies.entries()) {
    expect(double.calls.indexOf(reply)).toBeGreaterThan(double.calls.indexOf(main));
    expect(String(reply.params.text)).toContain(`détails (${index + 1}/${replies.length})`);
    expect((reply.params.blocks as unknown[]).length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
  }
  const details = replies.map(blockText).join('\n');
  for (const heading of ['PostgreSQL joignable', 'Redis joignable', 'Espace disque'])
    expect(details).toContain(heading);
}

describe('reports posted to Slack as one message with its details in the thread', () => {
  it('/sama report daily: the summary in the command channel, the sections in its thread', async () => {
    const before = mainPosts(TEST_CHANNEL).length;
    const slack = new SignedRequestClient(`http://127.0.0.1:${bots[0]?.port}/slack/events`);
    const response = await slack.slashCommand(
      {
        text: 'report daily',
        userId: TEST_USER,
        channelId: TEST_CHANNEL,
        responseUrl: double.responseUrl(randomUUID()),
      },
      { signingSecret },
    );
    expect(response.status).toBe(200);
    await waitUntil('the report and its thread in the command channel', () => {
      const main = mainPosts(TEST_CHANNEL)[before];
      return main !== undefined && repliesTo(main).length > 0;
    });
    const main = mainPosts(TEST_CHANNEL)[before];
    if (!main) throw new Error('no main post');
    expectThreadedReport(main);
  });

  it('two replicas, a daily report every second: one main post per stored report, its replies in its thread', async () => {
    await waitUntil('three scheduled reports posted with their threads', () => {
      const mains = mainPosts(REPORT_CHANNEL);
      return mains.length >= 3 && mains.slice(0, 3).every((main) => repliesTo(main).length > 0);
    });
    // Stopped replicas take no other report; one stopped while posting a thread keeps what it posted.
    await stopBots();

    const pool = new pg.Pool({ connectionString: scratch.url, max: 1 });
    const { rows } = await pool
      .query<{ slot: string; slack_ts: string | null }>(
        "SELECT slot, slack_ts FROM reports WHERE kind = 'daily' AND slot IS NOT NULL",
      )
      .finally(() => pool.end());
    const mains = mainPosts(REPORT_CHANNEL);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((row) => row.slot)).size).toBe(rows.length);
    // Each main post is the posted report of one stored slot (a report stored as the replicas
    // stopped stays unposted, for the job's retry), and no slot was posted twice.
    const postedTs = rows.flatMap((row) => (row.slack_ts ? [row.slack_ts] : []));
    expect(mains.map((main) => main.answer?.ts).sort()).toEqual([...postedTs].sort());
    expect(rows.length - postedTs.length).toBeLessThanOrEqual(2);
    expect(new Set(mains.map((main) => main.answer?.ts)).size).toBe(mains.length);
    for (const main of mains.slice(0, 3)) expectThreadedReport(main);
    // Every message of the report channel is a main post or a reply to one: no orphan reply.
    const threads = new Set(mains.map((main) => main.answer?.ts));
    for (const post of posts(REPORT_CHANNEL))
      if (post.params.thread_ts !== undefined) expect(threads.has(String(post.params.thread_ts))).toBe(true);
  });
});
