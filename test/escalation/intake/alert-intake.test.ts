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
import { silentLogger } from '../../../src/logging/logger.js';
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
    redisUrl: 'redis://127.0.0.1:6379',
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

async function incidentsByKey() {
  const { rows } = await harness.pool.query<{ dedup_key: string; level: string; state: string }>(
    'SELECT dedup_key, level, state FROM incidents ORDER BY id',
  );
  return Object.fromEntries(rows.map((row) => [row.dedup_key, `${row.level} ${row.state}`]));
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
    // A resolved alert with no open incident changes nothing.
    expect(
      (await post(INTAKE_PATHS.alertmanager, webhook([alert('f9', 'resolved')], 'resolved'), bearer)).status,
    ).toBe(202);
    expect(Object.keys(await incidentsByKey())).toHaveLength(2);
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
});
