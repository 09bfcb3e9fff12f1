import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Remediation, RemediationId } from '../../../src/core/remediation/remediation.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { createPlatformClients } from '../../../src/platform/platform-clients.js';
import { approveRemediation } from '../../../src/playbooks/guard/approve-remediation.js';
import { startExpirySweeper } from '../../../src/playbooks/guard/expiry-sweeper.js';
import type { GuardContext, Invocation } from '../../../src/playbooks/guard/guard-context.js';
import { rejectRemediation } from '../../../src/playbooks/guard/reject-remediation.js';
import {
  APPROVE_REMEDIATION_ACTION,
  REJECT_REMEDIATION_ACTION,
} from '../../../src/playbooks/guard/request-message.js';
import { requestRemediation } from '../../../src/playbooks/guard/request-remediation.js';
import type { ChatMessage } from '../../../src/render/message-model.js';
import type { MessageRef } from '../../../src/render/reply-port.js';
import { latestAudit } from '../../../src/store/audit/audit-log.js';
import { verifyAuditChain } from '../../../src/store/audit/verify-audit-chain.js';
import { createBotDatabase } from '../../../src/store/bot-database.js';
import { migrate } from '../../../src/store/migrate.js';
import { getRequest } from '../../../src/store/remediation-requests/stored-requests.js';
import { expectRepliesWithinSlackRules, recordingReplies } from '../../handlers/recording-replies.js';
import { TEST_CHANNEL, testInventory } from '../../handlers/test-inventory.js';
import { eventually } from '../../support/eventually.js';
import { createScratchDatabase, type ScratchDatabase } from '../../support/scratch-database.js';
import { fixtureRemediation } from './fixture-remediation.js';

afterEach(expectRepliesWithinSlackRules);

const REQUESTER = 'UREQ00001';
const DEVOPS = 'UDEV00002';
const LEAD = 'ULEAD0003';
const SUPPORT = 'USUP00004';
const fixture = testInventory({
  team: [
    { slackId: REQUESTER, name: 'Awa', roles: ['devops'] },
    { slackId: DEVOPS, name: 'Moussa', roles: ['devops'] },
    { slackId: LEAD, name: 'Fatou', roles: ['lead'] },
    { slackId: SUPPORT, name: 'Ibou', roles: ['support_n1'] },
  ],
});
const inventory = fixture.inventory;
const clients = createPlatformClients(inventory, silentLogger());

let scratch: ScratchDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  scratch = await createScratchDatabase();
  pool = createBotDatabase(scratch.url, silentLogger(), { max: 20 });
  await migrate(pool);
  await pool.query('CREATE TABLE fixture_runs (id serial PRIMARY KEY, target text NOT NULL)');
});
afterAll(async () => {
  await pool.end();
  await scratch.drop();
  await clients.close();
  fixture.remove();
});
beforeEach(async () => {
  // Each test starts from no past runs (cooldowns and caps are computed from them). The audit log
  // is append-only and stays chained across tests.
  await pool.query(
    'TRUNCATE fixture_runs; DELETE FROM remediation_approvals; DELETE FROM remediation_requests',
  );
});

function context(remediations: Remediation[], overrides: Partial<GuardContext> = {}): GuardContext {
  return {
    inventory,
    clients,
    logger: silentLogger(),
    pool,
    remediations: Object.fromEntries(remediations.map((r) => [r.id, r])) as Partial<
      Record<RemediationId, Remediation>
    >,
    ...overrides,
  };
}
function actor(
  userId: string,
  channelId = TEST_CHANNEL,
): Invocation & { replies: ReturnType<typeof recordingReplies> } {
  return { userId, channelId, replies: recordingReplies() };
}
async function runs(): Promise<number> {
  return (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM fixture_runs')).rows[0]?.n ?? -1;
}
async function requests(): Promise<number> {
  return (
    (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM remediation_requests')).rows[0]?.n ?? -1
  );
}
async function auditCount(): Promise<number> {
  return (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]?.n ?? -1;
}
function ephemeralText(a: ReturnType<typeof actor>): string {
  return a.replies.recorded
    .filter((r) => r.kind === 'ephemeral')
    .map((r) => r.message.summary)
    .join('\n');
}
async function posted(ctx: GuardContext, id: RemediationId, words: string[], who = actor(REQUESTER)) {
  const result = await requestRemediation(ctx, who, id, words);
  if (result.kind !== 'posted') throw new Error(`not posted: ${JSON.stringify(result)}`);
  return { request: result.request, requester: who };
}

describe('guard flow (real PostgreSQL, a fixture remediation acting on a real table)', () => {
  it('stores the request, posts buttons whose value is only its id, and 50 concurrent clicks run it once', async () => {
    const ctx = context([fixtureRemediation(pool, { id: 'restart', tier: 2 })]);
    const { request, requester } = await posted(ctx, 'restart', ['alpha']);
    const post = requester.replies.recorded.find((r) => r.kind === 'post');
    expect(post?.message.buttons?.map((b) => [b.actionId, b.value])).toEqual([
      [APPROVE_REMEDIATION_ACTION, request.id],
      [REJECT_REMEDIATION_ACTION, request.id],
    ]);
    const stored = await getRequest(pool, request.id);
    expect(stored).toMatchObject({ state: 'requested', tier: 2, channel: TEST_CHANNEL, messageTs: '1' });
    expect(stored?.evidence.target).toBe('alpha');
    expect(stored?.evidence.logs).toEqual(['connecting to postgresql://***@db:5432/app']);
    expect(stored?.preview.data).toEqual({ target: 'alpha', runsBefore: 0 });

    const clickers = Array.from({ length: 50 }, (_, index) => actor(index % 2 === 0 ? DEVOPS : LEAD));
    clickers.forEach((clicker) => {
      clicker.replies.postMessage = requester.replies.postMessage;
    });
    const outcomes = await Promise.all(
      clickers.map((clicker) => approveRemediation(ctx, clicker, request.id)),
    );
    expect(await runs()).toBe(1);
    const ran = outcomes.filter((o) => o.kind === 'ran');
    expect(ran).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'not-pending')).toHaveLength(49);
    expect(await getRequest(pool, request.id)).toMatchObject({ state: 'succeeded' });

    const winner = clickers[outcomes.findIndex((o) => o.kind === 'ran')];
    const updates = winner?.replies.recorded.filter((r) => r.kind === 'update') ?? [];
    const last = updates.at(-1);
    expect(last?.kind === 'update' && last.ref).toEqual({ channel: TEST_CHANNEL, ts: '1' });
    expect(last?.message.status).toBe('ok');
    expect(last?.message.buttons).toBeUndefined();
    const text = JSON.stringify(last?.message);
    expect(text).toContain('ran on alpha after 0 runs');
    expect(text).toContain('password=***');
    expect(text).not.toContain('hunter2');

    const actions = (await latestAudit(pool, 4)).map((e) => e.action).reverse();
    expect(actions).toEqual([
      'remediation.approval',
      'remediation.approved',
      'remediation.running',
      'remediation.succeeded',
    ]);
    expect(await verifyAuditChain(pool)).toMatchObject({ ok: true });
  });

  it('refuses self-approval of a tier-2 action, with an audit line, and allows it for tier 1', async () => {
    const ctx = context([
      fixtureRemediation(pool, { id: 'restart', tier: 2 }),
      fixtureRemediation(pool, { id: 'vacuum', tier: 1 }),
    ]);
    const { request, requester } = await posted(ctx, 'restart', ['alpha']);
    expect(await approveRemediation(ctx, requester, request.id)).toMatchObject({
      kind: 'refused',
      refusal: { reason: 'self-approval' },
    });
    expect(ephemeralText(requester)).toContain('une autre personne doit l’approuver');
    expect((await latestAudit(pool, 1))[0]).toMatchObject({
      action: 'remediation.approval-refused',
      actor: REQUESTER,
    });
    expect(await runs()).toBe(0);

    const tier1 = await posted(ctx, 'vacuum', ['beta']);
    expect(await approveRemediation(ctx, tier1.requester, tier1.request.id)).toMatchObject({ kind: 'ran' });
    expect(await runs()).toBe(1);
  });

  it('refuses a wrong role and someone outside the team, each with an audit line', async () => {
    const ctx = context([fixtureRemediation(pool, { id: 'restart', tier: 2 })]);
    const { request } = await posted(ctx, 'restart', ['alpha']);
    const support = actor(SUPPORT);
    expect(await approveRemediation(ctx, support, request.id)).toMatchObject({ refusal: { reason: 'role' } });
    expect(ephemeralText(support)).toContain('Seuls les rôles devops, lead, architect');
    const stranger = actor('UNOBODY99');
    expect(await approveRemediation(ctx, stranger, request.id)).toMatchObject({
      refusal: { reason: 'not-in-team' },
    });
    const audit = await latestAudit(pool, 2);
    expect(audit.map((e) => [e.actor, e.action, e.detail.reason])).toEqual([
      ['UNOBODY99', 'remediation.approval-refused', 'not-in-team'],
      [SUPPORT, 'remediation.approval-refused', 'role'],
    ]);
    expect(await getRequest(pool, request.id)).toMatchObject({ state: 'requested' });
  });

  it('expires a request after its approval window and says so', async () => {
    let now = new Date();
    const ctx = context([fixtureRemediation(pool, { id: 'restart', tier: 2 })], { now: () => now });
    const { request } = await posted(ctx, 'restart', ['alpha']);
    now = new Date(now.getTime() + 10 * 60_000 + 1);
    const approver = actor(DEVOPS);
    expect(await approveRemediation(ctx, approver, request.id)).toMatchObject({
      refusal: { reason: 'expired' },
    });
    expect(ephemeralText(approver)).toContain('a expiré');
    expect(await getRequest(pool, request.id)).toMatchObject({ state: 'expired' });
    expect(approver.replies.recorded.find((r) => r.kind === 'update')?.message.summary).toContain('Expirée');
    expect(await runs()).toBe(0);
  });

  it('refuses a new request on the same target during the cooldown, stores nothing, audits the refusal', async () => {
    const ctx = context([fixtureRemediation(pool, { id: 'restart', tier: 2 })]);
    const { request } = await posted(ctx, 'restart', ['alpha']);
    await approveRemediation(ctx, actor(DEVOPS), request.id);
    const again = actor(REQUESTER);
    expect(await requestRemediation(ctx, again, 'restart', ['alpha'])).toMatchObject({ kind: 'refused' });
    expect(ephemeralText(again)).toContain('Délai de carence');
    expect(await requests()).toBe(1);
    const [refused] = await latestAudit(pool, 1);
    expect(refused).toMatchObject({
      actor: REQUESTER,
      action: 'remediation.request-refused',
      requestId: null,
      detail: { remediation: 'restart', target: 'alpha', tier: 2, reason: 'cooldown', channel: TEST_CHANNEL },
    });
    expect(await verifyAuditChain(pool)).toMatchObject({ ok: true });
    // Another target is not held by this one's cooldown.
    expect(await requestRemediation(ctx, again, 'restart', ['beta'])).toMatchObject({ kind: 'posted' });
  });

  it('during a maintenance window, lets only an N3 approver force a remediation; refuses it without override roles', async () => {
    const remediations = [fixtureRemediation(pool, { id: 'restart', tier: 2 })];
    const maintenance = async () => ({ active: true });
    const ctx = context(remediations, { maintenance });
    const { request, requester } = await posted(ctx, 'restart', ['alpha']);
    expect(request.maintenanceForced).toBe(true);
    const post = requester.replies.recorded.find((r) => r.kind === 'post');
    expect(post?.message.context?.join(' ')).toContain('seule une approbation N3 (lead, architect)');
    expect(await approveRemediation(ctx, actor(DEVOPS), request.id)).toMatchObject({
      refusal: { reason: 'role' },
    });
    expect(await approveRemediation(ctx, actor(LEAD), request.id)).toMatchObject({ kind: 'ran' });
    expect(await runs()).toBe(1);

    const strict = context(remediations, {
      maintenance,
      inventory: { ...inventory, remediations: { ...inventory.remediations, maintenanceOverrideRoles: [] } },
    });
    const who = actor(REQUESTER);
    expect(await requestRemediation(strict, who, 'restart', ['beta'])).toMatchObject({ kind: 'refused' });
    expect(ephemeralText(who)).toContain('fenêtre de maintenance');
    expect(await requests()).toBe(1);
  });

  it('rejects an unknown target and injection attempts before anything is stored', async () => {
    const ctx = context([fixtureRemediation(pool, { id: 'restart', tier: 2 })]);
    const before = await auditCount();
    for (const words of [
      ['gamma'],
      ['alpha;', 'reboot'],
      ['alpha && rm -rf /'],
      ['$(id)'],
      ['`id`'],
      ['../../etc/passwd'],
      ['alpha\nbeta'],
      ["alpha' OR '1'='1"],
      [],
    ]) {
      const result = await requestRemediation(ctx, actor(REQUESTER), 'restart', words);
      expect(result.kind).toBe('usage');
    }
    expect(await requests()).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('answers a forged id, a garbage value, another channel and a replay with an ephemeral error only', async () => {
    const ctx = context([fixtureRemediation(pool, { id: 'restart', tier: 2 })]);
    const { request } = await posted(ctx, 'restart', ['alpha']);
    const before = await auditCount();
    const forged = actor(DEVOPS);
    expect(await approveRemediation(ctx, forged, randomUUID())).toEqual({ kind: 'unknown-request' });
    expect(await approveRemediation(ctx, forged, 'restart samaconso_api_1; rm -rf /')).toEqual({
      kind: 'unknown-request',
    });
    expect(
      await approveRemediation(ctx, forged, JSON.stringify({ id: request.id, command: 'reboot' })),
    ).toEqual({
      kind: 'unknown-request',
    });
    const elsewhere = actor(DEVOPS, 'COTHERCHAN');
    expect(await approveRemediation(ctx, elsewhere, request.id)).toEqual({ kind: 'other-channel' });
    expect(await rejectRemediation(ctx, elsewhere, request.id)).toEqual({ kind: 'other-channel' });
    expect(forged.replies.recorded.every((r) => r.kind === 'ephemeral')).toBe(true);
    expect(elsewhere.replies.recorded.every((r) => r.kind === 'ephemeral')).toBe(true);
    expect(await auditCount()).toBe(before);
    expect(await getRequest(pool, request.id)).toMatchObject({ state: 'requested' });

    await approveRemediation(ctx, actor(DEVOPS), request.id);
    const replay = actor(LEAD);
    expect(await approveRemediation(ctx, replay, request.id)).toMatchObject({ kind: 'not-pending' });
    expect(ephemeralText(replay)).toContain('« succeeded »');
    expect(await runs()).toBe(1);
  });

  it('needs two distinct approvers at tier 3', async () => {
    const ctx = context([fixtureRemediation(pool, { id: 'flush-redis', tier: 3 })]);
    const { request } = await posted(ctx, 'flush-redis', ['alpha']);
    const first = actor(DEVOPS);
    expect(await approveRemediation(ctx, first, request.id)).toMatchObject({
      kind: 'recorded',
      approvedBy: [DEVOPS],
    });
    expect(ephemeralText(first)).toContain('(1/2)');
    expect(await approveRemediation(ctx, actor(DEVOPS), request.id)).toMatchObject({
      refusal: { reason: 'already-approved' },
    });
    expect(await runs()).toBe(0);
    expect(await approveRemediation(ctx, actor(LEAD), request.id)).toMatchObject({ kind: 'ran' });
    expect(await runs()).toBe(1);
  });

  it('runs one remediation at a time per target: a second one answers "already running", a twin points to the first', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ctx = context([
      fixtureRemediation(pool, { id: 'restart', tier: 2, gate: () => gate }),
      fixtureRemediation(pool, { id: 'purge', tier: 2 }),
    ]);
    const first = await posted(ctx, 'restart', ['alpha']);
    // The same request again, while the first waits: pointed to the first, nothing new stored.
    const twin = actor(REQUESTER);
    expect(await requestRemediation(ctx, twin, 'restart', ['alpha'])).toMatchObject({
      kind: 'refused',
      reason: { key: 'remediation.refused.pendingTwin', params: { id: first.request.id } },
    });
    expect(ephemeralText(twin)).toContain(`demande ${first.request.id}`);
    // Another remediation on the same target may wait beside it, and is refused once the first runs.
    const second = await posted(ctx, 'purge', ['alpha']);
    const running = approveRemediation(ctx, actor(DEVOPS), first.request.id);
    const deadline = Date.now() + 5000;
    while ((await getRequest(pool, first.request.id))?.state !== 'running') {
      if (Date.now() > deadline) throw new Error('first request never ran');
      await new Promise((resolve) => setImmediate(resolve));
    }
    const late = actor(LEAD);
    expect(await approveRemediation(ctx, late, second.request.id)).toMatchObject({ kind: 'busy' });
    expect(ephemeralText(late)).toContain('déjà approuvée ou en cours sur alpha');
    const third = actor(REQUESTER);
    expect(await requestRemediation(ctx, third, 'restart', ['alpha'])).toMatchObject({ kind: 'refused' });
    release();
    expect(await running).toMatchObject({ kind: 'ran' });
    expect(await runs()).toBe(1);
  });

  it('records a failed run as failed', async () => {
    const ctx = context([fixtureRemediation(pool, { id: 'restart', tier: 2, fail: true })]);
    const { request } = await posted(ctx, 'restart', ['alpha']);
    await approveRemediation(ctx, actor(DEVOPS), request.id);
    expect(await getRequest(pool, request.id)).toMatchObject({ state: 'failed' });
    expect((await latestAudit(pool, 1))[0]?.action).toBe('remediation.failed');
  });

  it('lets the requester withdraw, refuses a rejection by a wrong role', async () => {
    const ctx = context([fixtureRemediation(pool, { id: 'restart', tier: 2 })]);
    const { request, requester } = await posted(ctx, 'restart', ['alpha']);
    expect(await rejectRemediation(ctx, actor(SUPPORT), request.id)).toMatchObject({ kind: 'refused' });
    expect(await rejectRemediation(ctx, requester, request.id)).toMatchObject({ kind: 'rejected' });
    expect(await approveRemediation(ctx, actor(DEVOPS), request.id)).toMatchObject({ kind: 'not-pending' });
    expect(await runs()).toBe(0);
  });

  it('refuses every remediation when the audit store is missing or unreachable', async () => {
    const remediations = [fixtureRemediation(pool, { id: 'restart', tier: 2 })];
    const unreachable = new pg.Pool({
      connectionString: 'postgresql://postgres@127.0.0.1:1/none',
      connectionTimeoutMillis: 500,
    });
    unreachable.on('error', () => undefined);
    for (const ctx of [
      context(remediations, { pool: undefined }),
      context(remediations, { pool: unreachable }),
    ]) {
      const who = actor(REQUESTER);
      expect(await requestRemediation(ctx, who, 'restart', ['alpha'])).toMatchObject({ kind: 'refused' });
      expect(ephemeralText(who)).toContain('journal d’audit (base de données du bot) est injoignable');
      const clicker = actor(DEVOPS);
      expect(await approveRemediation(ctx, clicker, randomUUID())).toEqual({ kind: 'store-unavailable' });
    }
    await unreachable.end();
    expect(await runs()).toBe(0);
  });
});

describe('a run cut short by a stopped bot', () => {
  it('frees its target after two hours: the stale request is failed as interrupted, with an audit row', async () => {
    const ctx = context([fixtureRemediation(pool, { id: 'restart', tier: 2 })]);
    const { request } = await posted(ctx, 'restart', ['alpha']);
    await pool.query(
      "UPDATE remediation_requests SET state = 'running', started_at = now() - interval '121 minutes' WHERE id = $1",
      [request.id],
    );
    const next = await requestRemediation(ctx, actor(REQUESTER), 'restart', ['alpha']);
    expect(next.kind).toBe('posted');
    expect(await getRequest(pool, request.id)).toMatchObject({
      state: 'failed',
      outcome: { interrupted: true },
    });
    const audit = await latestAudit(pool, 2);
    expect(audit.map((entry) => [entry.action, entry.requestId])).toEqual([
      ['remediation.requested', next.kind === 'posted' ? next.request.id : ''],
      ['remediation.interrupted', request.id],
    ]);
    expect(await requestRemediation(ctx, actor(REQUESTER), 'restart', ['beta'])).toMatchObject({
      kind: 'posted',
    });
  });
});

describe('requests nobody approved in time', () => {
  it('are expired when the next request arrives, their messages updated and audited', async () => {
    const ctx = context([fixtureRemediation(pool, { id: 'restart', tier: 2 })]);
    const { request } = await posted(ctx, 'restart', ['alpha']);
    await pool.query(
      "UPDATE remediation_requests SET expires_at = now() - interval '1 second' WHERE id = $1",
      [request.id],
    );
    const next = actor(REQUESTER);
    expect(await requestRemediation(ctx, next, 'restart', ['beta'])).toMatchObject({ kind: 'posted' });
    expect(await getRequest(pool, request.id)).toMatchObject({ state: 'expired' });
    const update = next.replies.recorded.find((r) => r.kind === 'update');
    expect(update?.kind === 'update' && update.ref).toEqual({ channel: TEST_CHANNEL, ts: request.messageTs });
    expect(update?.message.buttons).toBeUndefined();
    const actions = (await latestAudit(pool, 2)).map((entry) => [entry.actor, entry.action]);
    expect(actions).toEqual([
      [REQUESTER, 'remediation.requested'],
      ['samaops', 'remediation.expired'],
    ]);
  });

  it('are expired by the sweeper with nobody clicking: once across two replicas, message updated, audited', async () => {
    const ctx = context([fixtureRemediation(pool, { id: 'restart', tier: 2 })]);
    const { request } = await posted(ctx, 'restart', ['alpha']);
    const fresh = await posted(ctx, 'restart', ['beta']);
    const updates: Array<{ ref: MessageRef; message: ChatMessage }> = [];
    const update = async (ref: MessageRef, message: ChatMessage) => {
      updates.push({ ref, message });
    };
    const replicas = [
      startExpirySweeper({ context: ctx, update, everyMs: 20 }),
      startExpirySweeper({ context: ctx, update, everyMs: 20 }),
    ];
    try {
      // Nothing overdue yet: a sweep expires nothing.
      expect(await replicas[0]?.sweep()).toBe(0);
      await pool.query(
        "UPDATE remediation_requests SET expires_at = now() - interval '1 second' WHERE id = $1",
        [request.id],
      );
      await eventually(
        'the sweeper to expire the request',
        async () => (await getRequest(pool, request.id))?.state === 'expired',
      );
      // Both replicas keep sweeping; let each finish a sweep after the expiry.
      for (const replica of replicas) await replica?.sweep();
    } finally {
      for (const replica of replicas) await replica?.close();
    }
    expect(updates).toHaveLength(1);
    expect(updates[0]?.ref).toEqual({ channel: TEST_CHANNEL, ts: request.messageTs });
    expect(updates[0]?.message.buttons).toBeUndefined();
    expect(updates[0]?.message.summary).toContain('10 min');
    expect(await getRequest(pool, fresh.request.id)).toMatchObject({ state: 'requested' });
    // The audit log is shared by the tests of this file: count this test's requests only.
    const expiries = (await latestAudit(pool, 20)).filter(
      (entry) =>
        entry.action === 'remediation.expired' &&
        [request.id, fresh.request.id].includes(entry.requestId ?? ''),
    );
    expect(expiries.map((entry) => entry.requestId)).toEqual([request.id]);
  });
});
