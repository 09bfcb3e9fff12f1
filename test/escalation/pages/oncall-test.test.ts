import { afterEach, describe, expect, it } from 'vitest';
import { inventoryAccessPolicy } from '../../../src/handlers/access-policy.js';
import type { HandlerServices } from '../../../src/handlers/handler-context.js';
import { routeCommand } from '../../../src/handlers/route-command.js';
import { createLogger } from '../../../src/logging/logger.js';
import { createMetrics } from '../../../src/observability/metrics.js';
import { createPlatformClients } from '../../../src/platform/platform-clients.js';
import { shareDiagnoses } from '../../../src/playbooks/shared-diagnoses.js';
import { expectRepliesWithinSlackRules, recordingReplies } from '../../handlers/recording-replies.js';
import { TEST_CHANNEL } from '../escalation-harness.js';
import { AWA, MOUSSA, type PagesHarness, startPagesHarness } from './pages-harness.js';

afterEach(expectRepliesWithinSlackRules);

let harness: PagesHarness | undefined;
let closeClients: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeClients?.();
  await harness?.close();
  harness = undefined;
});

function servicesFor(ph: PagesHarness): HandlerServices {
  const logger = createLogger({ level: 'silent' });
  const clients = createPlatformClients(ph.h.inventory, logger);
  closeClients = () => clients.close();
  return {
    inventory: ph.h.inventory,
    clients,
    logger,
    metrics: createMetrics(),
    access: inventoryAccessPolicy(ph.h.inventory),
    diagnoses: shareDiagnoses({ inventory: ph.h.inventory, clients }),
    store: { pool: ph.h.pool, close: async () => undefined },
    escalation: ph.h.start({ pagers: ph.pagers() }),
  };
}

const as = (userId: string) => ({ userId, channelId: TEST_CHANNEL, replies: recordingReplies() });
const lines = (invocation: ReturnType<typeof as>) =>
  invocation.replies.recorded.flatMap((entry) => [
    entry.message.title,
    ...entry.message.sections.flatMap((section) =>
      section.lines.map((line) => `${line.status} ${line.text}`),
    ),
  ]);

describe('/sama oncall test', () => {
  it('pages the person by each of their channels and says, per channel, delivered or failed and in how long', async () => {
    harness = await startPagesHarness(
      { ackTimeout: '10m', repeatEvery: '10m', resolveWithin: '1h' },
      { awa: [{ channel: 'slack' }, { channel: 'sms', after: '5m' }], moussa: [{ channel: 'slack' }] },
    );
    const ph = harness;
    const services = servicesFor(ph);
    ph.sms.refuseAll(503);
    const moussa = as(MOUSSA.slackId);
    expect(await routeCommand(`oncall test @${AWA.slackId}`, moussa, services)).toBe('ok');
    const said = lines(moussa);
    expect(said[0]).toBe('Page de test pour Awa');
    expect(said.slice(1)).toEqual([
      expect.stringMatching(/^ok Slack : délivrée en \d+ ms$/),
      expect.stringMatching(/^ok e-mail : délivrée en \d+ ms$/),
      expect.stringMatching(/^fail SMS : échec après \d+ ms — HTTP 503/),
    ]);
    expect(moussa.replies.recorded.every((entry) => entry.kind === 'ephemeral')).toBe(true);
    const [mail] = await ph.smtp.waitFor(AWA.email);
    expect(mail?.subject).toBe('[samaops] Page de test');
    expect(mail?.text).toContain('page de test demandée par Moussa');
    expect(ph.h.dmsTo(AWA.slackId)).toHaveLength(1);

    ph.sms.accept();
    const self = as(AWA.slackId);
    await routeCommand('oncall test', self, services);
    expect(
      lines(self)
        .slice(1)
        .map((line) => line.split(' ')[0]),
    ).toEqual(['ok', 'ok', 'ok']);
    const [sms] = await ph.sms.waitFor(AWA.phone);
    expect(sms?.text).toBe('samaops : page de test demandée par Awa. Rien à faire.');
  });

  it('says who is not in the team, and refuses what names nobody', async () => {
    harness = await startPagesHarness(
      { ackTimeout: '10m', repeatEvery: '10m', resolveWithin: '1h' },
      { awa: [{ channel: 'slack' }], moussa: [{ channel: 'slack' }] },
    );
    const services = servicesFor(harness);
    const stranger = as(MOUSSA.slackId);
    await routeCommand('oncall test @UNOBODY99', stranger, services);
    expect(stranger.replies.recorded[0]?.message.summary).toContain('n’est pas dans l’équipe');
    const typo = as(MOUSSA.slackId);
    expect(await routeCommand('oncall test awa', typo, services)).toBe('usage');
    expect(harness.h.sender.sent).toEqual([]);
  });
});
