import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type RunningBot, startBot } from '../../src/app/start-bot.js';
import { parseInventory } from '../../src/config/load-inventory.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { healFault, injectFault } from '../lab/faults/lab-faults.js';
import { type LabSession, openLabSession } from '../lab/lab-session.js';
import { LAB_INVENTORY } from '../lab/lab-topology.js';
import { obliterateBotQueues, testQueueNamespace } from '../support/bot-queues.js';
import { eventually } from '../support/eventually.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { SlackApiDouble } from './slack-api-double.js';

/**
 * Issue 8's scenario on the lab, nobody typing anything: the bot's watch runs the `api` playbook
 * every 500 ms over real SSH and HTTP. api-1-down → an N2 incident once the flap guard has seen 3
 * failing runs; api-2-down as well → the same incident raised to N3; heal → "rétabli" proposed
 * in the thread.
 * Slack is the Web API double; the incidents are read from the bot's own (scratch) database.
 */
const CHANNEL = 'CSAMAPROD1';
const PEOPLE = { n1: 'UAWAN1001', n2: 'UMOUSSAN2', n3: 'UFATOUN03' } as const;
const namespace = testQueueNamespace();
const double = new SlackApiDouble();
// Every call the bot made in a test is one Slack would take (test/slack/double/).
afterEach(() => double.assertNoViolations());
let lab: LabSession;
let scratch: ScratchDatabase;
let bot: RunningBot;

beforeAll(async () => {
  lab = await openLabSession();
  scratch = await createScratchDatabase();
  await double.start();
  const slow = { ackTimeout: '1h', repeatEvery: '1h', resolveWithin: '4h' };
  const text = stringify({
    ...(parse(readFileSync(LAB_INVENTORY, 'utf8')) as Record<string, unknown>),
    team: [
      { slackId: PEOPLE.n1, name: 'Awa Ndiaye', roles: ['support_n1'] },
      { slackId: PEOPLE.n2, name: 'Moussa Diop', roles: ['devops'] },
      { slackId: PEOPLE.n3, name: 'Fatou Sall', roles: ['lead'] },
    ],
    slack: { channels: [CHANNEL] },
    escalation: {
      // Levels change only by the watch's mapping here, never by an ack timeout.
      levels: { N1: slow, N2: slow, N3: slow },
      autoOpen: [
        { check: 'api.health', level: 'N3', atLeast: 2 },
        { check: 'api.health', level: 'N2' },
      ],
      watch: { playbook: 'api', every: '500ms', failuresBeforeOpen: 3, healthyBeforeRecovery: '2s' },
    },
  });
  bot = await startBot({
    mode: {
      kind: 'http',
      botToken: 'xoxb-watch-lab',
      signingSecret: 'watch-lab',
      apiUrl: double.apiUrl,
      port: 0,
    },
    inventory: parseInventory(text, LAB_INVENTORY),
    env: {
      DATABASE_URL: scratch.url,
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      SAMAOPS_QUEUE_NAMESPACE: namespace,
    },
    logger: silentLogger(),
    host: '127.0.0.1',
  });
});

afterAll(async () => {
  await healFault('api-2-down').catch(() => undefined);
  await healFault('api-1-down').catch(() => undefined);
  await bot?.stop({ graceMs: 2000 });
  await double.stop();
  await scratch?.drop();
  await obliterateBotQueues(namespace);
  await lab?.close();
});

/** Waits until `condition` holds (the watch ticks every 500 ms), or fails naming what it waited for. */
const until = eventually;

describe('watch mode on the lab', () => {
  it('api-1-down → N2 after the flap guard; api-2-down → the same incident raised to N3; heal → recovery proposed in the thread', async () => {
    const pool = createBotDatabase(scratch.url, silentLogger());
    const incidents = async () =>
      (
        await pool.query<{ dedup_key: string; level: string; state: string }>(
          'SELECT dedup_key, level, state FROM incidents ORDER BY id',
        )
      ).rows.map((row) => [row.dedup_key, row.level, row.state]);
    const events = async (type: string) =>
      (
        await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM incident_events WHERE type = $1', [
          type,
        ])
      ).rows[0]?.n ?? -1;
    const streak = async () =>
      (
        await pool.query<{ failures: number }>(
          "SELECT max(failures)::int AS failures FROM watch_streaks WHERE check_id = 'api.health'",
        )
      ).rows[0]?.failures ?? 0;
    const pagedUsers = () => double.callsOf('conversations.open').map((call) => call.params.users);
    const threadText = () =>
      double
        .callsOf('chat.postMessage')
        .filter((call) => call.params.thread_ts)
        .map((call) => String(call.params.text))
        .join('\n');
    try {
      await lab.until(
        [
          { id: 'api.health', target: 'samaconso_api_1' },
          { id: 'api.health', target: 'samaconso_api_2' },
        ],
        ['ok'],
      );
      await injectFault('api-1-down');
      await until('the first failing run', async () => (await streak()) >= 1);
      // Not before the third failing run.
      expect(await incidents()).toEqual([]);
      await until('an incident', async () => (await incidents()).length > 0);
      expect(await streak()).toBeGreaterThanOrEqual(3);
      // api.health counts its targets together (an atLeast rule): one incident for the API.
      expect(await incidents()).toEqual([['check:api.health', 'N2', 'open']]);
      await until('the N2 person paged by DM', () => pagedUsers().includes(PEOPLE.n2));
      // The DM and the channel message go out through separate per-channel slots: either may be first.
      const rootPost = () =>
        double
          .callsOf('chat.postMessage')
          .find((call) => !call.params.thread_ts && call.params.channel === CHANNEL);
      await until('the incident message in the channel', () => rootPost() !== undefined);
      const root = rootPost();
      expect(root?.params.channel).toBe(CHANNEL);
      expect(JSON.stringify(root?.params.blocks)).toContain('samaconso_api_1');

      await injectFault('api-2-down');
      await until('the incident raised to N3', async () => (await incidents())[0]?.[1] === 'N3');
      expect(await incidents()).toEqual([['check:api.health', 'N3', 'open']]);
      expect(await events('escalated')).toBe(1);
      await until('the N3 person paged by DM', () => pagedUsers().includes(PEOPLE.n3));
      await until('the raise in the thread', () => threadText().includes('Escalade N2 → N3'));

      await healFault('api-2-down');
      await healFault('api-1-down');
      await until('recovered', async () => (await events('recovered')) === 1);
      await until('recovery proposed in the thread', () => threadText().includes('Résoudre l’incident ?'));
      // Proposed, not done: autoResolve is off.
      expect((await incidents()).map(([, , state]) => state)).toEqual(['open']);
      expect(pagedUsers()).not.toContain(PEOPLE.n1);
    } finally {
      await pool.end();
    }
  });
});
