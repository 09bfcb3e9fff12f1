import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationPolicySchema } from '../../../src/config/escalation-policy-schema.js';
import type { EscalationService } from '../../../src/escalation/escalation-service.js';
import type { IntakePolicy } from '../../../src/escalation/intake/alert-payload.js';
import {
  INTAKE_PATHS,
  type RunningIntake,
  startIntake,
} from '../../../src/escalation/intake/start-intake.js';
import { openJobConnection } from '../../../src/jobs/job-connection.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { startBlackHole } from '../../support/black-hole.js';
import { type Harness, startHarness, until } from '../escalation-harness.js';

// The alert endpoints served by a plain HTTP server (as Bolt's receiver serves custom routes),
// their queue and worker on the real Redis, incidents in a scratch PostgreSQL.
const TOKEN = 'alertmanager-secret-token-123';
let harness: Harness;
let service: EscalationService;
const servers: Server[] = [];
let base: string;
const intakes: RunningIntake[] = [];

async function serve(policy: IntakePolicy): Promise<string> {
  const intake = startIntake({
    connection: harness.redis,
    queueName: `test-intake-${randomUUID().slice(0, 8)}`,
    policy,
    service,
    pool: harness.pool,
    logger: silentLogger(),
  });
  intakes.push(intake);
  const server = createServer((request, response) => {
    const route = intake.routes.find((candidate) => candidate.path === request.url);
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    void route.handler(request as never, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  harness = await startHarness({ ackTimeout: '1h', repeatEvery: '1h', resolveWithin: '4h' });
  service = harness.start({ workers: false });
  const policy = escalationPolicySchema.parse({
    intake: { token: TOKEN, username: 'grafana', password: 'grafana-pass-1' },
  }).intake as IntakePolicy;
  base = await serve(policy);
});

afterAll(async () => {
  for (const server of servers) server.close();
  for (const intake of intakes) {
    await intake.close(500);
    const queue = new Queue(intake.queueName, { connection: harness.redis });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  await harness?.close();
});

const alert = (fingerprint: string, status: 'firing' | 'resolved', severity = 'critical') => ({
  status,
  labels: { alertname: 'ApiDown', instance: `api-${fingerprint}`, severity },
  annotations: { summary: 'API ne répond pas' },
  startsAt: '2026-01-05T03:00:00Z',
  endsAt: status === 'resolved' ? new Date(Date.now() - 1000).toISOString() : '0001-01-01T00:00:00Z',
  fingerprint,
  generatorURL: 'http://prometheus/graph',
});

const webhook = (alerts: ReturnType<typeof alert>[], status: 'firing' | 'resolved' = 'firing') => ({
  version: '4',
  groupKey: '{}:{alertname="ApiDown"}',
  receiver: 'samaops',
  status,
  groupLabels: { alertname: 'ApiDown' },
  commonLabels: {},
  alerts,
});

async function post(path: string, body: unknown, authorization?: string) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const bearer = `Bearer ${TOKEN}`;

/** How many jobs the first intake's queue was ever given (BullMQ's job id counter). */
async function jobsEverAdded(): Promise<number> {
  return Number((await harness.redis.get(`bull:${intakes[0]?.queueName}:id`)) ?? 0);
}

/** True once the first intake's worker has nothing waiting, running or delayed. */
async function queueDrained(): Promise<boolean> {
  const queue = new Queue(intakes[0]?.queueName ?? '', { connection: harness.redis });
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).every((count) => count === 0);
  } finally {
    await queue.close();
  }
}

async function incidentsByKey() {
  const { rows } = await harness.pool.query<{ dedup_key: string; level: string; state: string }>(
    'SELECT dedup_key, level, state FROM incidents ORDER BY id',
  );
  return Object.fromEntries(rows.map((row) => [row.dedup_key, `${row.level} ${row.state}`]));
}

/** Timeline events of one type on the incidents of one dedup key. */
async function eventsOf(dedupKey: string, type: string): Promise<number> {
  const { rows } = await harness.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM incident_events e JOIN incidents i ON i.id = e.incident_id WHERE i.dedup_key = $1 AND e.type = $2',
    [dedupKey, type],
  );
  return rows[0]?.n ?? -1;
}

async function events(type: string): Promise<number> {
  const { rows } = await harness.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM incident_events WHERE type = $1',
    [type],
  );
  return rows[0]?.n ?? -1;
}

describe('alert intake', () => {
  it('refuses anyone without the token or the basic credentials: 401, nothing queued', async () => {
    const body = webhook([alert('f-unauth', 'firing')]);
    expect((await post(INTAKE_PATHS.alertmanager, body)).status).toBe(401);
    expect((await post(INTAKE_PATHS.alertmanager, body, 'Bearer wrong-token-wrong-token')).status).toBe(401);
    const wrongBasic = `Basic ${Buffer.from('grafana:nope-nope-nope').toString('base64')}`;
    expect((await post(INTAKE_PATHS.grafana, body, wrongBasic)).status).toBe(401);
    // BullMQ numbers every job it is given: no number was taken.
    expect(await jobsEverAdded()).toBe(0);
    expect(await incidentsByKey()).toEqual({});
  });

  it('answers 400 with the reason to a malformed payload', async () => {
    expect(await post(INTAKE_PATHS.alertmanager, '{not json', bearer)).toEqual({
      status: 400,
      body: { error: 'malformed', reason: 'body is not JSON' },
    });
    const missing = await post(INTAKE_PATHS.alertmanager, { version: '4', status: 'firing' }, bearer);
    expect(missing.status).toBe(400);
    expect(missing.body.reason).toMatch(/^alerts: /);
    const badFingerprint = await post(INTAKE_PATHS.alertmanager, webhook([alert('a b', 'firing')]), bearer);
    expect(badFingerprint.body.reason).toMatch(/alerts\.0\.fingerprint/);
  });

  it('firing opens one incident per fingerprint at the mapped level; grouped, repeated, raised; resolved proposes closing', async () => {
    const grouped = webhook([alert('f1', 'firing'), alert('f2', 'firing', 'warning'), alert('f1', 'firing')]);
    expect(await post(INTAKE_PATHS.alertmanager, grouped, bearer)).toEqual({
      status: 202,
      body: { queued: 3 },
    });
    await until('two incidents', async () => Object.keys(await incidentsByKey()).length === 2);
    await until('the repeated alert joined', async () => (await events('duplicate')) === 1);
    expect(await incidentsByKey()).toEqual({ 'alert:f1': 'N3 open', 'alert:f2': 'N2 open' });

    // Grafana, basic auth: f2 now critical → raised to N3.
    const basic = `Basic ${Buffer.from('grafana:grafana-pass-1').toString('base64')}`;
    expect((await post(INTAKE_PATHS.grafana, webhook([alert('f2', 'firing')]), basic)).status).toBe(202);
    await until('f2 raised', async () => (await incidentsByKey())['alert:f2'] === 'N3 open');
    expect(await events('escalated')).toBe(1);

    expect(
      (await post(INTAKE_PATHS.alertmanager, webhook([alert('f1', 'resolved')], 'resolved'), bearer)).status,
    ).toBe(202);
    await until('recovery noted', async () => (await events('recovered')) === 1);
    expect((await incidentsByKey())['alert:f1']).toBe('N3 open');
    // A resolved alert with no open incident changes nothing (once the worker has handled it).
    const before = await jobsEverAdded();
    expect(
      (await post(INTAKE_PATHS.alertmanager, webhook([alert('f9', 'resolved')], 'resolved'), bearer)).status,
    ).toBe(202);
    expect(await jobsEverAdded()).toBe(before + 1);
    await until('the queue drained', queueDrained);
    expect(Object.keys(await incidentsByKey())).toHaveLength(2);
    expect(await events('recovered')).toBe(1);
  });

  it('autoResolve closes the incident when its alert resolves', async () => {
    const policy = escalationPolicySchema.parse({ intake: { token: TOKEN, autoResolve: true } })
      .intake as IntakePolicy;
    const previous = base;
    base = await serve(policy);
    try {
      await post(INTAKE_PATHS.alertmanager, webhook([alert('f3', 'firing', 'info')]), bearer);
      await until('f3 opened', async () => (await incidentsByKey())['alert:f3'] === 'N1 open');
      await post(INTAKE_PATHS.alertmanager, webhook([alert('f3', 'resolved', 'info')], 'resolved'), bearer);
      await until('f3 resolved', async () => (await incidentsByKey())['alert:f3'] === 'N1 resolved');
    } finally {
      base = previous;
    }
  });

  it('a firing job older than the resolved one already handled (retried, or run late) does not reopen', async () => {
    const queue = new Queue(intakes[0]?.queueName ?? '', { connection: harness.redis });
    const job = (status: 'firing' | 'resolved', receivedAt: number) => ({
      dedupKey: 'alert:f-late',
      status,
      level: 'N2' as const,
      title: 'ApiDown api-late',
      source: 'alertmanager',
      endedAt: status === 'resolved' ? receivedAt : null,
      receivedAt,
    });
    try {
      const now = Date.now();
      await queue.add('firing', job('firing', now - 2000));
      await until('f-late opened', async () => (await incidentsByKey())['alert:f-late'] === 'N2 open');
      await queue.add('resolved', job('resolved', now));
      await until('f-late recovered', async () => (await eventsOf('alert:f-late', 'recovered')) === 1);
      // The firing of before the resolve, run again now (a retry): stale, skipped.
      await queue.add('firing', job('firing', now - 1000));
      await until('the queue drained', queueDrained);
      expect(await eventsOf('alert:f-late', 'duplicate')).toBe(0);
      // A firing newer than the resolve is a new failure: it joins.
      await queue.add('firing', job('firing', now + 1000));
      await until('the new firing joined', async () => (await eventsOf('alert:f-late', 'duplicate')) === 1);
    } finally {
      await queue.close();
    }
  });

  it('an older firing taken after a newer firing is still counted on the open incident', async () => {
    const queue = new Queue(intakes[0]?.queueName ?? '', { connection: harness.redis });
    const job = (receivedAt: number) => ({
      dedupKey: 'alert:f-order',
      status: 'firing' as const,
      level: 'N2' as const,
      title: 'ApiDown api-order',
      source: 'alertmanager',
      endedAt: null,
      receivedAt,
    });
    try {
      const now = Date.now();
      await queue.add('firing', job(now));
      await until('f-order opened', async () => (await incidentsByKey())['alert:f-order'] === 'N2 open');
      await queue.add('firing', job(now - 500));
      await until(
        'the older firing counted',
        async () => (await eventsOf('alert:f-order', 'duplicate')) === 1,
      );
    } finally {
      await queue.close();
    }
  });

  it('maps label sets to a level before the severity label', async () => {
    const policy = escalationPolicySchema.parse({
      intake: { token: TOKEN, rules: [{ labels: { alertname: 'ApiDown', severity: 'info' }, level: 'N3' }] },
    }).intake as IntakePolicy;
    const previous = base;
    base = await serve(policy);
    try {
      await post(INTAKE_PATHS.alertmanager, webhook([alert('f-rule', 'firing', 'info')]), bearer);
      await until('f-rule opened', async () => (await incidentsByKey())['alert:f-rule'] !== undefined);
      expect((await incidentsByKey())['alert:f-rule']).toBe('N3 open');
    } finally {
      base = previous;
    }
  });

  it('answers 503 when Redis does not take the alerts (the sender retries), nothing else', async () => {
    const hole = await startBlackHole();
    const connection = openJobConnection(hole.url('redis'), silentLogger());
    const intake = startIntake({
      connection,
      queueName: `test-intake-hole-${randomUUID().slice(0, 8)}`,
      policy: escalationPolicySchema.parse({ intake: { token: TOKEN } }).intake as IntakePolicy,
      service,
      pool: harness.pool,
      logger: silentLogger(),
      queueTimeoutMs: 200,
    });
    const route = intake.routes.find((candidate) => candidate.path === INTAKE_PATHS.alertmanager);
    const server = createServer((request, response) => void route?.handler(request as never, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${INTAKE_PATHS.alertmanager}`;
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: bearer, 'content-type': 'application/json' },
        body: JSON.stringify(webhook([alert('f-hole', 'firing')])),
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: 'unavailable' });
    } finally {
      server.close();
      await intake.close(200);
      connection.disconnect();
      await hole.close();
    }
  });

  it('a resolved alert queued right behind its firing waits for it: with autoResolve nothing stays open', async () => {
    const policy = escalationPolicySchema.parse({ intake: { token: TOKEN, autoResolve: true } })
      .intake as IntakePolicy;
    const previous = base;
    base = await serve(policy);
    const queue = new Queue(intakes.at(-1)?.queueName ?? '', { connection: harness.redis });
    const keys = Array.from({ length: 12 }, (_, index) => `alert:f-pair-${index}`);
    const job = (dedupKey: string, status: 'firing' | 'resolved', receivedAt: number) => ({
      name: status,
      data: {
        dedupKey,
        status,
        level: 'N2' as const,
        title: dedupKey,
        source: 'alertmanager',
        endedAt: status === 'resolved' ? receivedAt : null,
        receivedAt,
      },
    });
    try {
      const now = Date.now();
      // Firing then resolved of each alert, queued together: the worker takes them side by side.
      await queue.addBulk(keys.flatMap((key) => [job(key, 'firing', now), job(key, 'resolved', now + 1)]));
      await until('every pair handled', async () => {
        const { rows } = await harness.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM alert_marks WHERE dedup_key = ANY($1) AND status = 'resolved'",
          [keys],
        );
        return rows[0]?.n === keys.length;
      });
      await until('the queue drained', async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(counts).every((count) => count === 0);
      });
      const { rows } = await harness.pool.query<{ dedup_key: string; state: string }>(
        'SELECT dedup_key, state FROM incidents WHERE dedup_key = ANY($1)',
        [keys],
      );
      expect(rows.filter((row) => row.state !== 'resolved')).toEqual([]);
    } finally {
      await queue.close();
      base = previous;
    }
  });
});
