import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseInventory } from '../../src/config/load-inventory.js';
import { silentLogger } from '../../src/logging/logger.js';
import { APPROVE_REMEDIATION_ACTION } from '../../src/playbooks/guard/request-message.js';
import { SUGGESTED_REMEDIATION_ACTION } from '../../src/playbooks/guard/suggested-remediations.js';
import { isActionOf } from '../../src/render/action-id.js';
import { type RunningBot, startBot } from '../../src/slack/start-bot.js';
import { latestAudit } from '../../src/store/audit/audit-log.js';
import { verifyAuditChain } from '../../src/store/audit/verify-audit-chain.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { healFault, injectFault } from '../lab/faults/lab-faults.js';
import { type LabSession, openLabSession } from '../lab/lab-session.js';
import { LAB_INVENTORY } from '../lab/lab-topology.js';
import { obliterateBotQueues, testQueueNamespace } from '../support/bot-queues.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { SignedRequestClient } from './signed-request-client.js';
import { SlackApiDouble } from './slack-api-double.js';

/**
 * End to end over Slack's HTTP protocol and the lab: api-1-down → `/sama diagnose api` → the
 * failing line's Restart button → Approve pressed by a second devops → the lab's container really restarts → /health green →
 * the message says so, and the audit rows are chained.
 */
const CHANNEL = 'CSAMAPROD1';
const REQUESTER = 'UREQ00001';
const APPROVER = 'UDEV00002';
const signingSecret = `secret-${randomUUID()}`;
const botToken = `xoxb-test-${randomUUID()}`;
const double = new SlackApiDouble();
// Every call the bot made in a test is one Slack would take (test/slack/double/).
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
    team: [
      { slackId: REQUESTER, name: 'Awa Ndiaye', roles: ['devops'] },
      { slackId: APPROVER, name: 'Moussa Diop', roles: ['devops'] },
    ],
    slack: { channels: [CHANNEL] },
  });
  bot = await startBot({
    mode: { kind: 'http', botToken, signingSecret, apiUrl: double.apiUrl, port: 0 },
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
});

afterAll(async () => {
  await healFault('api-1-down').catch(() => undefined);
  await bot?.stop({ graceMs: 2000 });
  await double.stop();
  await scratch?.drop();
  await obliterateBotQueues(namespace);
  await lab?.close();
});

const namespace = testQueueNamespace();

interface Block {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string }[];
  accessory?: { action_id?: string; value?: string };
}

describe('guarded restart over Slack HTTP mode, on the lab', () => {
  it('api-1-down → diagnose → Restart button → approved by a second devops → restarted, verified green, message updated', async () => {
    await injectFault('api-1-down');
    await lab.until([{ id: 'api.health', target: 'samaconso_api_1' }], ['fail']);

    // /sama diagnose api: the report's failing line carries the Restart button.
    const reports = double.callsOf('chat.update').length;
    const diagnose = await slack.slashCommand(
      {
        text: 'diagnose api',
        userId: REQUESTER,
        channelId: CHANNEL,
        responseUrl: double.responseUrl(randomUUID()),
      },
      { signingSecret },
    );
    expect(diagnose.status).toBe(200);
    const [report] = (await double.waitForCalls('chat.update', reports + 1, 20_000)).slice(reports);
    const fix = ((report?.params.blocks ?? []) as Block[])
      .flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])])
      .find((button) => isActionOf(SUGGESTED_REMEDIATION_ACTION, button.action_id ?? ''));
    expect(fix?.value).toBe('restart samaconso_api_1');

    const posts = double.callsOf('chat.postMessage').length;
    const response = await slack.blockAction(
      {
        actionId: fix?.action_id ?? '',
        value: fix?.value ?? '',
        userId: REQUESTER,
        channelId: CHANNEL,
        messageTs: '1700000000.000100',
        responseUrl: double.responseUrl(randomUUID()),
      },
      { signingSecret },
    );
    expect(response.status).toBe(200);
    const [post] = (await double.waitForCalls('chat.postMessage', posts + 1, 20_000)).slice(posts);
    const blocks = post?.params.blocks as Block[];
    const buttons = blocks.flatMap((block) => block.elements ?? []);
    const approve = buttons.find((button) => button.action_id === APPROVE_REMEDIATION_ACTION);
    expect(approve?.value).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(blocks)).toContain('docker restart samaconso_api_1');

    const updates = double.callsOf('chat.update').length;
    const clicked = performance.now();
    const press = await slack.blockAction(
      {
        actionId: APPROVE_REMEDIATION_ACTION,
        value: approve?.value ?? '',
        userId: APPROVER,
        channelId: CHANNEL,
        messageTs: '1700000001.000100',
        responseUrl: double.responseUrl(randomUUID()),
      },
      { signingSecret },
    );
    expect(press.status).toBe(200);
    // "running", then the outcome.
    const [running, finished] = (await double.waitForCalls('chat.update', updates + 2, 60_000)).slice(
      updates,
    );
    const seconds = ((performance.now() - clicked) / 1000).toFixed(1);
    expect(running?.params.text).toContain('Exécution en cours');
    const outcome = JSON.stringify(finished?.params.blocks);
    expect(outcome, outcome).toContain('Réussi en');
    expect(outcome).toContain('samaconso_api_1');
    expect(finished?.params.channel).toBe(CHANNEL);
    console.info(`approval click → succeeded: ${seconds} s`);

    const [health] = await lab.run(['api.health']);
    expect(health?.status).toBe('ok');

    const pool = createBotDatabase(scratch.url, silentLogger());
    try {
      const actions = (await latestAudit(pool, 5)).map((entry) => `${entry.actor} ${entry.action}`).reverse();
      expect(actions).toEqual([
        `${REQUESTER} remediation.requested`,
        `${APPROVER} remediation.approval`,
        `${APPROVER} remediation.approved`,
        'samaops remediation.running',
        'samaops remediation.succeeded',
      ]);
      expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: 5 });
    } finally {
      await pool.end();
    }
  });
});
