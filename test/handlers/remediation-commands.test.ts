import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inventoryAccessPolicy } from '../../src/handlers/access-policy.js';
import type { HandlerServices, Invocation } from '../../src/handlers/handler-context.js';
import { routeAction, routeCommand } from '../../src/handlers/route-command.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { APPROVE_REMEDIATION_ACTION } from '../../src/playbooks/guard/request-message.js';
import { SUGGESTED_REMEDIATION_ACTION } from '../../src/playbooks/guard/suggested-remediations.js';
import { shareDiagnoses } from '../../src/playbooks/shared-diagnoses.js';
import { latestAudit } from '../../src/store/audit/audit-log.js';
import { verifyAuditChain } from '../../src/store/audit/verify-audit-chain.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { startMaintenance, stopMaintenance } from '../../src/store/incidents/oncall-and-maintenance.js';
import { migrate } from '../../src/store/migrate.js';
import { getRequest } from '../../src/store/remediation-requests/stored-requests.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { expectRepliesWithinSlackRules, recordingReplies } from './recording-replies.js';
import { TEST_CHANNEL, TEST_USER, testInventory } from './test-inventory.js';

afterEach(expectRepliesWithinSlackRules);

const DBA = 'UDBA00002';
let scratch: ScratchDatabase;
let watched: ScratchDatabase;
let pool: pg.Pool;
let services: HandlerServices;
let closeAll: () => Promise<void>;

beforeAll(async () => {
  // The bot's own database, and a scratch "platform" database that VACUUM really acts on.
  [scratch, watched] = await Promise.all([createScratchDatabase(), createScratchDatabase('samaops_watched')]);
  pool = createBotDatabase(scratch.url, silentLogger());
  await migrate(pool);
  const platform = new pg.Client({ connectionString: watched.url });
  await platform.connect();
  await platform.query(
    'CREATE TABLE meter_readings (id serial PRIMARY KEY, kwh int); INSERT INTO meter_readings (kwh) SELECT g FROM generate_series(1, 500) g; DELETE FROM meter_readings WHERE id % 2 = 0',
  );
  await platform.end();
  const fixture = testInventory({
    team: [
      { slackId: TEST_USER, name: 'Awa Ndiaye', roles: ['devops'] },
      { slackId: DBA, name: 'Moussa Diop', roles: ['dba'] },
    ],
    services: {
      postgres: { url: watched.url },
      redis: { url: 'redis://127.0.0.1:6379/0' },
      rabbitmq: { url: 'amqp://guest:guest@127.0.0.1:5672' },
    },
  });
  const clients = createPlatformClients(fixture.inventory, silentLogger());
  services = {
    inventory: fixture.inventory,
    clients,
    logger: silentLogger(),
    metrics: createMetrics(),
    access: inventoryAccessPolicy(fixture.inventory),
    diagnoses: shareDiagnoses({ inventory: fixture.inventory, clients }),
    store: { pool, close: async () => undefined },
  };
  closeAll = async () => {
    await clients.close();
    fixture.remove();
  };
});
afterAll(async () => {
  await closeAll();
  await pool.end();
  await Promise.all([scratch.drop(), watched.drop()]);
});

function invocation(userId = TEST_USER): Invocation & { replies: ReturnType<typeof recordingReplies> } {
  return { userId, channelId: TEST_CHANNEL, replies: recordingReplies() };
}
async function storedRequests(): Promise<number> {
  return (
    (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM remediation_requests')).rows[0]?.n ?? -1
  );
}

describe('remediation sub-commands and buttons (real PostgreSQL, the real remediation modules)', () => {
  it('/sama vacuum meter_readings → Approve by a DBA → VACUUM really ran → succeeded, message updated', async () => {
    const requester = invocation();
    expect(await routeCommand('vacuum meter_readings', requester, services)).toBe('ok');
    const post = requester.replies.recorded.find((r) => r.kind === 'post');
    const approve = post?.message.buttons?.find((b) => b.actionId === APPROVE_REMEDIATION_ACTION);
    expect(approve?.value).toMatch(/^[0-9a-f-]{36}$/);
    const id = approve?.value ?? '';
    expect(await getRequest(pool, id)).toMatchObject({ state: 'requested', remediation: 'vacuum', tier: 1 });

    const dba = invocation(DBA);
    dba.replies.updateMessage = requester.replies.updateMessage;
    expect(await routeAction(APPROVE_REMEDIATION_ACTION, id, dba, services)).toBe('ok');
    const done = await getRequest(pool, id);
    expect(done?.state).toBe('succeeded');
    const last = requester.replies.recorded.at(-1);
    expect(last?.kind).toBe('update');
    expect(last?.message.status).toBe('ok');

    const platform = new pg.Client({ connectionString: watched.url });
    await platform.connect();
    const { rows } = await platform.query(
      "SELECT last_vacuum IS NOT NULL AS vacuumed FROM pg_stat_user_tables WHERE relname = 'meter_readings'",
    );
    await platform.end();
    expect(rows[0]).toEqual({ vacuumed: true });

    const actions = (await latestAudit(pool, 5)).map((e) => e.action).reverse();
    expect(actions).toEqual([
      'remediation.requested',
      'remediation.approval',
      'remediation.approved',
      'remediation.running',
      'remediation.succeeded',
    ]);
    expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: 5 });
  });

  it('answers injection attempts in every argument of every remediation with the help, and stores nothing', async () => {
    const before = await storedRequests();
    const attempts = [
      'x;reboot',
      '$(id)',
      '`id`',
      'a&&b',
      '../../etc/passwd',
      "a'--",
      'a|b',
      '-rf',
      'a\u0000b',
    ];
    const commands = [
      'restart',
      'purge',
      'kill-queries',
      'vacuum',
      'scale celery_worker_2',
      'scale',
      'cleanup',
      'flush-redis',
    ];
    for (const command of commands)
      for (const attempt of attempts) {
        const call = invocation();
        const outcome = await routeCommand(`${command} ${attempt}`, call, services);
        expect([command, attempt, outcome]).toEqual([command, attempt, 'usage']);
        expect(call.replies.recorded.map((r) => r.kind)).toEqual(['ephemeral']);
      }
    expect(await storedRequests()).toBe(before);
  });

  it('/sama audit [n] shows the newest entries to the person who asked', async () => {
    const call = invocation();
    expect(await routeCommand('audit 2', call, services)).toBe('ok');
    const [answer] = call.replies.recorded;
    expect(answer?.kind).toBe('ephemeral');
    const lines = answer?.message.sections[0]?.lines.map((line) => line.text) ?? [];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^`#\d+ .* remediation\.succeeded vacuum /);
    expect(await routeCommand('audit 0;drop', invocation(), services)).toBe('usage');
  });

  it('refuses an approver outside the team ephemerally, with an audit line; a forged id leaves none', async () => {
    const requester = invocation();
    expect(await routeCommand('vacuum', requester, services)).toBe('ok');
    const id = requester.replies.recorded.find((r) => r.kind === 'post')?.message.buttons?.[0]?.value ?? '';
    const stranger = invocation('USTRANGER1');
    expect(await routeAction(APPROVE_REMEDIATION_ACTION, id, stranger, services)).toBe('refused');
    expect(stranger.replies.recorded.map((r) => r.kind)).toEqual(['ephemeral']);
    const [entry] = await latestAudit(pool, 1);
    expect(entry).toMatchObject({
      actor: 'USTRANGER1',
      action: 'remediation.approve-refused',
      requestId: id,
      detail: { reason: 'access' },
    });
    expect(
      await routeAction(
        APPROVE_REMEDIATION_ACTION,
        '00000000-0000-4000-8000-000000000000',
        stranger,
        services,
      ),
    ).toBe('refused');
    expect((await latestAudit(pool, 1))[0]?.id).toBe(entry?.id);
    expect(await getRequest(pool, id)).toMatchObject({ state: 'requested' });
  });

  it("a diagnosis line's remediation button is the same as the command: validated, then a request only", async () => {
    for (const forged of ['reboot now', 'restart x;reboot', 'purge $(id)', 'restart', '']) {
      const call = invocation();
      expect([forged, await routeAction(SUGGESTED_REMEDIATION_ACTION, forged, call, services)]).toEqual([
        forged,
        'usage',
      ]);
    }
    const before = await storedRequests();
    const call = invocation();
    expect(await routeAction(SUGGESTED_REMEDIATION_ACTION, 'kill-queries', call, services)).toBe('ok');
    expect(call.replies.recorded.map((r) => r.kind)).toEqual(['post']);
    expect(await storedRequests()).toBe(before + 1);
  });

  it('during a maintenance window (/sama maintenance start), only N3 roles may approve a remediation', async () => {
    await startMaintenance(
      pool,
      { reason: 'migration', by: TEST_USER, untilMs: Date.now() + 60_000 },
      Date.now(),
    );
    try {
      const call = invocation();
      // Another threshold than the button test's request, which still waits: not its twin.
      expect(await routeCommand('kill-queries 10m', call, services)).toBe('ok');
      const post = call.replies.recorded.find((r) => r.kind === 'post');
      expect(post?.message.summary).toContain('parmi : lead, architect');
      const id = post?.message.buttons?.[0]?.value ?? '';
      const dba = invocation(DBA);
      expect(await routeAction(APPROVE_REMEDIATION_ACTION, id, dba, services)).toBe('ok');
      expect(dba.replies.recorded.map((r) => r.message.summary).join()).toContain(
        'Seuls les rôles lead, architect',
      );
      expect(await getRequest(pool, id)).toMatchObject({ state: 'requested', maintenanceForced: true });
    } finally {
      await stopMaintenance(pool, TEST_USER, Date.now());
    }
  });

  it('a bare /sama vacuum sent three times makes one request; the others point to it', async () => {
    // An earlier test left its bare vacuum waiting: withdrawn, so that this one starts afresh.
    await pool.query("UPDATE remediation_requests SET state = 'rejected' WHERE state = 'requested'");
    const before = await storedRequests();
    const first = invocation();
    expect(await routeCommand('vacuum', first, services)).toBe('ok');
    expect(first.replies.recorded.map((r) => r.kind)).toEqual(['post']);
    const id = first.replies.recorded[0]?.message.buttons?.[0]?.value ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    for (const again of [invocation(), invocation(DBA)]) {
      expect(await routeCommand('vacuum', again, services)).toBe('ok');
      expect(again.replies.recorded.map((r) => r.kind)).toEqual(['ephemeral']);
      expect(again.replies.recorded[0]?.message.summary).toContain(
        `La même demande attend déjà son approbation : demande ${id}`,
      );
    }
    expect(await storedRequests()).toBe(before + 1);
    await pool.query("UPDATE remediation_requests SET state = 'rejected' WHERE id = $1", [id]);
  });

  it('/sama vacuum of a table that does not exist, or of a system catalog, lists the tables one may name', async () => {
    const before = await storedRequests();
    for (const [table, problem] of [
      ['nosuchtable', 'la table nosuchtable n’existe pas. Tables possibles : public.meter_readings'],
      ['pg_class', 'pg_catalog.pg_class est un catalogue système de PostgreSQL'],
      ['pg_catalog.pg_authid', 'pg_catalog.pg_authid est un catalogue système'],
    ] as const) {
      const call = invocation();
      expect(await routeCommand(`vacuum ${table}`, call, services)).toBe('usage');
      expect(call.replies.recorded[0]?.message.summary).toContain(problem);
    }
    expect(await storedRequests()).toBe(before);
  });

  it('refuses remediations without the audit store, while diagnostics still work', async () => {
    const withoutStore: HandlerServices = {
      ...services,
      store: { pool: undefined, close: async () => undefined },
    };
    const call = invocation();
    expect(await routeCommand('vacuum', call, withoutStore)).toBe('ok');
    expect(call.replies.recorded.map((r) => [r.kind, r.message.summary])).toEqual([
      [
        'ephemeral',
        'Le journal d’audit (base de données du bot) est injoignable : aucune remédiation ne peut être demandée ni lancée. Les diagnostics restent disponibles.',
      ],
    ]);
    const diagnose = invocation();
    expect(await routeCommand('diagnose db', diagnose, withoutStore)).toBe('ok');
    expect(diagnose.replies.recorded.at(-1)?.message.sections.length).toBeGreaterThan(0);
  });
});
