import { afterEach, describe, expect, it } from 'vitest';
import { INCIDENT_ACTIONS } from '../../src/escalation/incident-message.js';
import { inventoryAccessPolicy } from '../../src/handlers/access-policy.js';
import type { HandlerServices } from '../../src/handlers/handler-context.js';
import { routeAction, routeCommand } from '../../src/handlers/route-command.js';
import { createLogger } from '../../src/logging/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { shareDiagnoses } from '../../src/playbooks/shared-diagnoses.js';
import { toMrkdwn } from '../../src/render/slack-text.js';
import { expectRepliesWithinSlackRules, recordingReplies } from '../handlers/recording-replies.js';
import { type Harness, PEOPLE, startHarness, TEST_CHANNEL, until } from './escalation-harness.js';

afterEach(expectRepliesWithinSlackRules);

let harness: Harness | undefined;
let closeClients: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeClients?.();
  await harness?.close();
  harness = undefined;
});

function servicesFor(h: Harness, withEscalation = true): HandlerServices {
  const logger = createLogger({ level: 'silent' });
  const clients = createPlatformClients(h.inventory, logger);
  closeClients = () => clients.close();
  return {
    inventory: h.inventory,
    clients,
    logger,
    metrics: createMetrics(),
    access: inventoryAccessPolicy(h.inventory),
    diagnoses: shareDiagnoses({ inventory: h.inventory, clients }),
    store: { pool: h.pool, close: async () => undefined },
    ...(withEscalation ? { escalation: h.start() } : {}),
  };
}

const as = (userId: string) => ({ userId, channelId: TEST_CHANNEL, replies: recordingReplies() });
/** What the handlers said, as Slack's mrkdwn shows it (mentions the bot built are `<@U…>`). */
const said = (invocation: ReturnType<typeof as>) =>
  invocation.replies.recorded
    .map((entry) =>
      [
        entry.message.title,
        entry.message.summary ?? '',
        ...entry.message.sections.flatMap((s) => s.lines.map((l) => l.text)),
      ]
        .map((text) => toMrkdwn(text))
        .join('\n'),
    )
    .join('\n');

describe('/sama incident, oncall, maintenance and the incident buttons', () => {
  it('opens by hand, refuses buttons to people outside the policy, acknowledges, lists and shows', async () => {
    harness = await startHarness({ ackTimeout: '30s', repeatEvery: '30s', resolveWithin: '60s' });
    const h = harness;
    const services = servicesFor(h);
    const opener = as(PEOPLE.n2);
    expect(await routeCommand('incident open N2 "API 502"', opener, services)).toBe('ok');
    expect(said(opener)).toContain('Incident #1 ouvert en N2.');
    await until(
      'incident message and DM',
      () =>
        h.dmsTo(PEOPLE.n2).length === 1 &&
        h.sender.sent.some((m) => m.text.startsWith('Incident #1 — API 502')),
    );

    const outsider = as(PEOPLE.outsider);
    await routeAction(INCIDENT_ACTIONS.acknowledge, '1', outsider, services);
    expect(outsider.replies.recorded[0]?.kind).toBe('ephemeral');
    expect(said(outsider)).toContain('Seules les personnes de la politique');

    const n2 = as(PEOPLE.n2);
    await routeAction(INCIDENT_ACTIONS.acknowledge, '1', n2, services);
    expect(said(n2)).toContain('Incident #1 : fait.');
    await until('message updated', () =>
      h.sender.sent.some((m) => m.method === 'update' && m.text.includes('pris en charge')),
    );
    const again = as(PEOPLE.n3);
    await routeAction(INCIDENT_ACTIONS.acknowledge, '1', again, services);
    expect(said(again)).toContain('déjà pris en charge');

    const same = as(PEOPLE.n1);
    await routeCommand('incident open N1 "API 502"', same, services);
    expect(said(same)).toContain('Même panne que l’incident #1');

    await routeAction(INCIDENT_ACTIONS.resolve, '1', as(PEOPLE.n2), services);
    const list = as(PEOPLE.n1);
    await routeCommand('incident list', list, services);
    expect(said(list)).toContain('#1 · N2 · résolu par <@UNIVEAU2> — API 502');
    expect(said(list)).toMatch(/N2 : MTTA \d+ s, MTTR \d+ s \(1 résolu\)/);
    const show = as(PEOPLE.n1);
    await routeCommand('incident show 1', show, services);
    expect(said(show)).toContain('Incident ouvert en N2 par <@UNIVEAU2>');
    expect(said(show)).toContain('✅ Pris en charge par <@UNIVEAU2> (N2)');
    expect(said(show)).toContain('La même panne est signalée à nouveau');

    const bad = as(PEOPLE.n1);
    expect(await routeCommand('incident open N9 "x"', bad, services)).toBe('usage');
  });

  it('reopen is refused, naming the other incident, while the same failure is open elsewhere', async () => {
    harness = await startHarness({ ackTimeout: '30s', repeatEvery: '30s', resolveWithin: '60s' });
    const h = harness;
    const services = servicesFor(h);
    const lead = as(PEOPLE.n3);
    expect(await routeCommand('incident open N2 "API 502"', lead, services)).toBe('ok');
    expect(await routeCommand('incident resolve 1', lead, services)).toBe('ok');
    // The same title is the same failure (dedup key): a new incident follows it.
    expect(await routeCommand('incident open N2 "API 502"', lead, services)).toBe('ok');
    expect(said(lead)).toContain('Incident #2 ouvert en N2.');
    const reopener = as(PEOPLE.n3);
    expect(await routeCommand('incident reopen 1', reopener, services)).toBe('ok');
    expect(said(reopener)).toContain(
      'L’incident #1 ne peut pas être rouvert : la même panne est déjà suivie dans l’incident #2.',
    );
    const { rows } = await h.pool.query<{ id: string; state: string }>(
      'SELECT id, state FROM incidents ORDER BY id',
    );
    expect(rows.map((row) => [Number(row.id), row.state])).toEqual([
      [1, 'resolved'],
      [2, 'open'],
    ]);
    // Once #2 is resolved, #1 may be reopened.
    expect(await routeCommand('incident resolve 2', lead, services)).toBe('ok');
    const again = as(PEOPLE.n3);
    expect(await routeCommand('incident reopen 1', again, services)).toBe('ok');
    expect(said(again)).not.toContain('ne peut pas');
  });

  it('oncall shows who is reachable per role and takes overrides; maintenance starts and stops', async () => {
    harness = await startHarness({ ackTimeout: '30s', repeatEvery: '30s', resolveWithin: '60s' });
    const h = harness;
    const services = servicesFor(h);
    const who = as(PEOPLE.n1);
    await routeCommand('oncall', who, services);
    expect(said(who)).toContain('support_n1 : <@UNIVEAU1>');
    expect(said(who)).toContain('architect : personne');
    // As the Slack edge hands it over (Slack sends `<@UOUTSIDE1|ibou>`: see test/slack/inbound-fixtures.test.ts).
    await routeCommand('oncall override @UOUTSIDE1 support_n1 8h', as(PEOPLE.n3), services);
    const after = as(PEOPLE.n1);
    await routeCommand('oncall', after, services);
    expect(said(after)).toContain('support_n1 : <@UOUTSIDE1>');

    const escalation = services.escalation;
    if (!escalation) throw new Error('no escalation');
    await routeCommand('maintenance start 2h "montée de version"', as(PEOPLE.n3), services);
    expect(await escalation.isMaintenanceActive()).toBe(true);
    const state = as(PEOPLE.n1);
    await routeCommand('maintenance', state, services);
    expect(said(state)).toContain('montée de version');
    await routeCommand('maintenance stop', as(PEOPLE.n3), services);
    expect(await escalation.isMaintenanceActive()).toBe(false);
  });

  it('without Redis or the database the commands say what is missing', async () => {
    harness = await startHarness({ ackTimeout: '30s', repeatEvery: '30s', resolveWithin: '60s' });
    const services = servicesFor(harness, false);
    const asker = as(PEOPLE.n1);
    await routeCommand('incident list', asker, services);
    expect(asker.replies.recorded[0]?.kind).toBe('ephemeral');
    expect(said(asker)).toContain('DATABASE_URL');
  });
});
