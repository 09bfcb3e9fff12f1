import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type RunningBot, startBot } from '../../../src/app/start-bot.js';
import { type Logger, silentLogger } from '../../../src/logging/logger.js';
import { freePort } from '../../checks/services/free-port.js';
import { TEST_CHANNEL, TEST_USER, testInventory } from '../../handlers/test-inventory.js';
import { SignedRequestClient } from '../../slack/signed-request-client.js';
import { SlackApiDouble } from '../../slack/slack-api-double.js';
import { obliterateBotQueues, testQueueNamespace } from '../../support/bot-queues.js';
import { eventuallyValue } from '../../support/eventually.js';
import { createScratchDatabase, type ScratchDatabase } from '../../support/scratch-database.js';

/** The person outside the escalation policy (a backend developer). */
export const OUTSIDER = 'UIBOUOUT';
/** The N3 person. */
export const N3 = 'UFATOUN3';

/** The whole bot in HTTP mode with ack links on, the strict Slack double, and what a test reads. */
export interface AckLinkBot {
  bot: RunningBot;
  double: SlackApiDouble;
  pool: pg.Pool;
  /** The environment the bot was started with (its link secret and public URL). */
  env: NodeJS.ProcessEnv;
  baseUrl: string;
  /** Opens an incident at N2 by `/sama incident open`, paging TEST_USER; its id and generation. */
  openIncident(title: string): Promise<{ id: number; generation: number }>;
  /** The incident's row as the test checks it, and how many timeline events and link uses it has. */
  snapshotOf(id: number): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Starts the bot (scratch database, own queue namespace, Slack double) with ack links on. */
export async function startAckLinkBot(options: { logger?: Logger } = {}): Promise<AckLinkBot> {
  const double = await new SlackApiDouble().start();
  const scratch: ScratchDatabase = await createScratchDatabase('samaops_acklink');
  const namespace = testQueueNamespace();
  const signingSecret = `secret-${randomUUID()}`;
  const fixture = testInventory({
    team: [
      { slackId: TEST_USER, name: 'Awa Ndiaye', roles: ['devops'] },
      { slackId: N3, name: 'Fatou', roles: ['lead'] },
      { slackId: OUTSIDER, name: 'Ibou', roles: ['backend'] },
    ],
    escalation: { watch: { playbook: 'off' } },
  });
  fixture.remove();
  // The links' public URL names the port the bot will listen on.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: scratch.url,
    REDIS_URL: 'redis://127.0.0.1:6379/0',
    SAMAOPS_QUEUE_NAMESPACE: namespace,
    SAMAOPS_LINK_SECRET: randomUUID() + randomUUID(),
    SAMAOPS_PUBLIC_URL: `${baseUrl}/`,
  };
  const bot = await startBot({
    mode: { kind: 'http', botToken: 'xoxb-acklink', signingSecret, apiUrl: double.apiUrl, port },
    inventory: fixture.inventory,
    env,
    logger: options.logger ?? silentLogger(),
    host: '127.0.0.1',
  });
  const slack = new SignedRequestClient(`${baseUrl}/slack/events`);
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  pool.on('error', () => undefined);
  return {
    bot,
    double,
    pool,
    env,
    baseUrl,
    async openIncident(title) {
      const id = randomUUID();
      const call = { text: `incident open N2 "${title}"`, userId: TEST_USER, channelId: TEST_CHANNEL, id };
      await slack.slashCommand({ ...call, responseUrl: double.responseUrl(id) }, { signingSecret });
      const answer = String((await double.waitForResponseTo(id)).params.text ?? '');
      const opened = /Incident #(\d+) ouvert/.exec(answer)?.[1];
      if (opened === undefined) throw new Error(`incident not opened: ${answer}`);
      return eventuallyValue(`incident #${opened} posted`, async () => {
        const { rows } = await pool.query<{ id: string; generation: number }>(
          'SELECT id, generation FROM incidents WHERE id = $1 AND slack_ts IS NOT NULL',
          [opened],
        );
        return rows[0] ? { id: Number(rows[0].id), generation: rows[0].generation } : undefined;
      });
    },
    async snapshotOf(id) {
      const { rows } = await pool.query(
        `SELECT state, level, generation, acknowledged_by,
                (SELECT count(*)::int FROM incident_events WHERE incident_id = $1) AS events,
                (SELECT count(*)::int FROM ack_link_uses WHERE incident_id = $1) AS link_uses
           FROM incidents WHERE id = $1`,
        [id],
      );
      return rows[0] as Record<string, unknown>;
    },
    async stop() {
      await bot.stop({ graceMs: 2000 });
      await pool.end();
      await double.stop();
      await obliterateBotQueues(namespace);
      await scratch.drop();
    },
  };
}
