import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { APPROVE_REMEDIATION_ACTION } from '../../src/playbooks/guard/request-message.js';
import { SUGGESTED_REMEDIATION_ACTION } from '../../src/playbooks/guard/suggested-remediations.js';
import { isActionOf } from '../../src/render/action-id.js';
import { latestAudit } from '../../src/store/audit/audit-log.js';
import { verifyAuditChain } from '../../src/store/audit/verify-audit-chain.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { healFault, injectFault } from '../lab/faults/lab-faults.js';
import { type LabSession, openLabSession } from '../lab/lab-session.js';
import { type HttpTestBot, labInventoryWith, startHttpTestBot } from './http-test-bot.js';
import { type RecordedCall, SlackApiDouble } from './slack-api-double.js';

/**
 * End to end over Slack's HTTP protocol and the lab: api-1-down → `/sama diagnose api` → the
 * failing line's Restart button → Approve pressed by a second devops → the lab's container really restarts → /health green →
 * the message says so, and the audit rows are chained. Then the outage the bot exists for: both API
 * instances down, diagnosed and updated in place with one Restart button per container.
 */
const CHANNEL = 'CSAMAPROD1';
const REQUESTER = 'UREQ00001';
const APPROVER = 'UDEV00002';
const double = new SlackApiDouble();
// Every call the bot made in a test is one Slack would take (test/slack/double/).
afterEach(() => double.assertNoViolations());
let lab: LabSession;
let testBot: HttpTestBot;

beforeAll(async () => {
  lab = await openLabSession();
  await double.start();
  testBot = await startHttpTestBot({
    double,
    inventory: labInventoryWith({
      team: [
        { slackId: REQUESTER, name: 'Awa Ndiaye', roles: ['devops'] },
        { slackId: APPROVER, name: 'Moussa Diop', roles: ['devops'] },
      ],
      slack: { channels: [CHANNEL] },
    }),
  });
});

afterAll(async () => {
  await healFault('api-1-down').catch(() => undefined);
  await healFault('api-2-down').catch(() => undefined);
  await testBot?.stop();
  await double.stop();
  await lab?.close();
});

interface Button {
  type?: string;
  action_id?: string;
  value?: string;
}
interface Block {
  type: string;
  text?: { text: string };
  elements?: Button[];
  accessory?: Button;
}

/** `/sama diagnose api` as Slack sends it: the "en cours" post and the chat.update that replaces it. */
async function diagnoseApi(): Promise<{ running?: RecordedCall; report?: RecordedCall }> {
  const posts = double.callsOf('chat.postMessage').length;
  const updates = double.callsOf('chat.update').length;
  const response = await testBot.slack.slashCommand(
    {
      text: 'diagnose api',
      userId: REQUESTER,
      channelId: CHANNEL,
      responseUrl: double.responseUrl(randomUUID()),
    },
    { signingSecret: testBot.signingSecret },
  );
  expect(response.status).toBe(200);
  const [running] = (await double.waitForCalls('chat.postMessage', posts + 1)).slice(posts);
  const [report] = (await double.waitForCalls('chat.update', updates + 1)).slice(updates);
  return { running, report };
}

/** The remediation buttons a report offers (accessories and actions blocks). */
function suggestionsOf(report: RecordedCall | undefined): Button[] {
  return ((report?.params.blocks ?? []) as Block[])
    .flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])])
    .filter(
      (button) =>
        button.type === 'button' && isActionOf(SUGGESTED_REMEDIATION_ACTION, button.action_id ?? ''),
    );
}

describe('guarded restart over Slack HTTP mode, on the lab', () => {
  it('api-1-down → diagnose → Restart button → approved by a second devops → restarted, verified green, message updated', async () => {
    await injectFault('api-1-down');
    await lab.until([{ id: 'api.health', target: 'samaconso_api_1' }], ['fail']);

    // /sama diagnose api: the report's failing line carries the Restart button.
    const { report } = await diagnoseApi();
    const [fix] = suggestionsOf(report);
    expect(fix?.value).toBe('restart samaconso_api_1');

    const posts = double.callsOf('chat.postMessage').length;
    const response = await testBot.slack.blockAction(
      {
        actionId: fix?.action_id ?? '',
        value: fix?.value ?? '',
        userId: REQUESTER,
        channelId: CHANNEL,
        messageTs: '1700000000.000100',
        responseUrl: double.responseUrl(randomUUID()),
      },
      { signingSecret: testBot.signingSecret },
    );
    expect(response.status).toBe(200);
    const [post] = (await double.waitForCalls('chat.postMessage', posts + 1)).slice(posts);
    const blocks = post?.params.blocks as Block[];
    const buttons = blocks.flatMap((block) => block.elements ?? []);
    const approve = buttons.find((button) => button.action_id === APPROVE_REMEDIATION_ACTION);
    expect(approve?.value).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(blocks)).toContain('docker restart samaconso_api_1');

    const updates = double.callsOf('chat.update').length;
    const clicked = performance.now();
    const press = await testBot.slack.blockAction(
      {
        actionId: APPROVE_REMEDIATION_ACTION,
        value: approve?.value ?? '',
        userId: APPROVER,
        channelId: CHANNEL,
        messageTs: '1700000001.000100',
        responseUrl: double.responseUrl(randomUUID()),
      },
      { signingSecret: testBot.signingSecret },
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

    const pool = createBotDatabase(testBot.scratch.url, silentLogger());
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

  it('the diagnosis is posted, then updated in place, with one Restart button per container', async () => {
    await injectFault('api-1-down');
    await injectFault('api-2-down');
    await lab.until(
      [
        { id: 'api.health', target: 'samaconso_api_1' },
        { id: 'api.health', target: 'samaconso_api_2' },
      ],
      ['fail'],
    );
    const { running, report } = await diagnoseApi();
    expect(running?.params.text).toContain('Diagnostic en cours');
    // In place: the update names the message the post created, and Slack took it.
    expect(report?.params).toMatchObject({ channel: CHANNEL, ts: running?.answer?.ts });
    expect(report?.answer?.ok).toBe(true);

    const blocks = (report?.params.blocks ?? []) as Block[];
    const restarts = suggestionsOf(report);
    expect(restarts.map((button) => button.value).sort()).toEqual([
      'restart samaconso_api_1',
      'restart samaconso_api_2',
    ]);
    for (const block of blocks.filter((each) => each.type === 'actions')) {
      const ids = (block.elements ?? []).map((button) => button.action_id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
