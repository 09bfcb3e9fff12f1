import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inventoryAccessPolicy } from '../../src/handlers/access-policy.js';
import type { HandlerServices } from '../../src/handlers/handler-context.js';
import { routeCommand } from '../../src/handlers/route-command.js';
import { createLogger } from '../../src/logging/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createPlatformClients, type PlatformClients } from '../../src/platform/platform-clients.js';
import { shareDiagnoses } from '../../src/playbooks/shared-diagnoses.js';
import { toPlainText } from '../../src/render/slack-text.js';
import { unescapeCommandText } from '../../src/slack/command-text.js';
import { type Harness, PEOPLE, startHarness, TEST_CHANNEL } from '../escalation/escalation-harness.js';
import { hostileCommandTexts } from './hostile-corpus.js';
import { expectRepliesWithinSlackRules, recordingReplies } from './recording-replies.js';

/**
 * Every line of the hostile corpus, through the Slack edge (unescaped once) and the router, with
 * the real stores (PostgreSQL, Redis, the escalation service): a refusal or a usage answer, only
 * to the person who typed it, never "the command failed", and nothing stored or run.
 */
afterEach(expectRepliesWithinSlackRules);

let harness: Harness;
let clients: PlatformClients;
let services: HandlerServices;

beforeAll(async () => {
  harness = await startHarness({ ackTimeout: '30s', repeatEvery: '30s', resolveWithin: '60s' });
  const logger = createLogger({ level: 'silent' });
  clients = createPlatformClients(harness.inventory, logger);
  services = {
    inventory: harness.inventory,
    clients,
    logger,
    metrics: createMetrics(),
    access: inventoryAccessPolicy(harness.inventory),
    diagnoses: shareDiagnoses({ inventory: harness.inventory, clients }),
    store: { pool: harness.pool, close: async () => undefined },
    escalation: harness.start(),
  };
});

afterAll(async () => {
  await clients?.close();
  await harness?.close();
});

const FAILED = /La commande a échoué|The command failed/;

async function counts(): Promise<Record<string, number>> {
  const { rows } = await harness.pool.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM remediation_requests) AS requests,
            (SELECT count(*)::int FROM incidents) AS incidents,
            (SELECT count(*)::int FROM audit_log) AS audit,
            (SELECT count(*)::int FROM oncall_overrides) AS overrides,
            (SELECT count(*)::int FROM maintenance_windows) AS maintenance`,
  );
  return rows[0] ?? {};
}

describe('a corpus of hostile /sama texts', () => {
  it('gets a refusal or a usage answer for every line, ephemeral, never "the command failed", and changes nothing', async () => {
    const corpus = hostileCommandTexts();
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    const before = await counts();
    const wrong: string[] = [];
    for (const sent of corpus) {
      const invocation = { userId: PEOPLE.n2, channelId: TEST_CHANNEL, replies: recordingReplies() };
      const outcome = await routeCommand(unescapeCommandText(sent), invocation, services);
      const replies = invocation.replies.recorded;
      const said = replies
        .map((reply) => toPlainText([reply.message.title, reply.message.summary ?? ''].join(' ')))
        .join(' | ');
      const fine =
        outcome !== 'error' &&
        replies.length > 0 &&
        replies.every((reply) => reply.kind === 'ephemeral') &&
        !FAILED.test(said);
      if (!fine) wrong.push(`${JSON.stringify(sent.slice(0, 80))} → ${outcome}: ${said.slice(0, 200)}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
