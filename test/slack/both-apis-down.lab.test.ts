import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseInventory } from '../../src/config/load-inventory.js';
import { silentLogger } from '../../src/logging/logger.js';
import { SUGGESTED_REMEDIATION_ACTION } from '../../src/playbooks/guard/suggested-remediations.js';
import { isActionOf } from '../../src/render/action-id.js';
import { type RunningBot, startBot } from '../../src/slack/start-bot.js';
import { healFault, injectFault } from '../lab/faults/lab-faults.js';
import { type LabSession, openLabSession } from '../lab/lab-session.js';
import { LAB_INVENTORY } from '../lab/lab-topology.js';
import { obliterateBotQueues, testQueueNamespace } from '../support/bot-queues.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { SignedRequestClient } from './signed-request-client.js';
import { SlackApiDouble } from './slack-api-double.js';

/**
 * The outage the bot exists for: both API instances down on the API server. `/sama diagnose api`
 * posts "en cours", then replaces it in place (chat.update of that message) with a report that
 * Slack takes, carrying exactly one Restart button per container.
 */
const CHANNEL = 'CSAMAPROD1';
const USER = 'UREQ00001';
const signingSecret = `secret-${randomUUID()}`;
const namespace = testQueueNamespace();
const double = new SlackApiDouble();
afterEach(() => double.assertNoViolations());
let lab: LabSession;
let scratch: ScratchDatabase;
let bot: RunningBot;
let slack: SignedRequestClient;

beforeAll(async () => {
  lab = await openLabSession();
  scratch = await createScratchDatabase();
  await double.start();
  const text = stringify({
    ...(parse(readFileSync(LAB_INVENTORY, 'utf8')) as Record<string, unknown>),
    team: [{ slackId: USER, name: 'Awa Ndiaye', roles: ['devops'] }],
    slack: { channels: [CHANNEL] },
  });
  bot = await startBot({
    mode: { kind: 'http', botToken: 'xoxb-both-apis', signingSecret, apiUrl: double.apiUrl, port: 0 },
    inventory: parseInventory(text, LAB_INVENTORY),
    env: {
      DATABASE_URL: scratch.url,
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      SAMAOPS_QUEUE_NAMESPACE: namespace,
    },
    logger: silentLogger(),
    host: '127.0.0.1',
  });
  slack = new SignedRequestClient(`http://127.0.0.1:${bot.port}/slack/events`);
}, 90_000);

afterAll(async () => {
  await healFault('api-1-down').catch(() => undefined);
  await healFault('api-2-down').catch(() => undefined);
  await bot?.stop({ graceMs: 2000 });
  await double.stop();
  await scratch?.drop();
  await obliterateBotQueues(namespace);
  await lab?.close();
}, 60_000);

interface Button {
  type: string;
  action_id: string;
  value: string;
}
interface Block {
  type: string;
  elements?: Button[];
  accessory?: Button;
}

describe('both API instances down (api-1-down + api-2-down), on the lab', () => {
  it('the diagnosis is posted, then updated in place, with one Restart button per container', async () => {
    await injectFault('api-1-down');
    await injectFault('api-2-down');
    await lab.until(
      [
        { id: 'api.health', target: 'samaconso_api_1' },
        { id: 'api.health', target: 'samaconso_api_2' },
      ],
      ['fail'],
      20_000,
    );
    const posts = double.callsOf('chat.postMessage').length;
    const updates = double.callsOf('chat.update').length;
    const response = await slack.slashCommand(
      {
        text: 'diagnose api',
        userId: USER,
        channelId: CHANNEL,
        responseUrl: double.responseUrl(randomUUID()),
      },
      { signingSecret },
    );
    expect(response.status).toBe(200);
    const [running] = (await double.waitForCalls('chat.postMessage', posts + 1, 20_000)).slice(posts);
    const [report] = (await double.waitForCalls('chat.update', updates + 1, 30_000)).slice(updates);
    expect(running?.params.text).toContain('Diagnostic en cours');
    // In place: the update names the message the post created, and Slack took it.
    expect(report?.params).toMatchObject({ channel: CHANNEL, ts: running?.answer?.ts });
    expect(report?.answer?.ok).toBe(true);

    const blocks = (report?.params.blocks ?? []) as Block[];
    const buttons = blocks.flatMap((block) => [
      ...(block.elements ?? []),
      ...(block.accessory ? [block.accessory] : []),
    ]);
    const restarts = buttons.filter(
      (button) => button.type === 'button' && isActionOf(SUGGESTED_REMEDIATION_ACTION, button.action_id),
    );
    expect(restarts.map((button) => button.value).sort()).toEqual([
      'restart samaconso_api_1',
      'restart samaconso_api_2',
    ]);
    for (const block of blocks.filter((each) => each.type === 'actions')) {
      const ids = (block.elements ?? []).map((button) => button.action_id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  }, 120_000);
});
