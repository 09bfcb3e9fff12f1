import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/checks/check.js';
import { escalationPolicySchema } from '../../../src/config/escalation-policy-schema.js';
import type { EscalationService } from '../../../src/escalation/escalation-service.js';
import { watchTick } from '../../../src/escalation/watch/watch-tick.js';
import { type Harness, startHarness } from '../escalation-harness.js';

// The flap guard's edge against the real PostgreSQL: streaks shared in `watch_streaks`, incidents
// opened, joined and raised through the escalation service, recovery noted on the timeline.
let harness: Harness;
let service: EscalationService;

const result = (id: string, target: string, status: CheckResult['status']) =>
  ({ id, target, status }) as unknown as CheckResult;
const MINUTE = 60_000;
const policy = escalationPolicySchema.parse({
  autoOpen: [
    { check: 'api.health', level: 'N3', atLeast: 2 },
    { check: 'api.health', level: 'N2' },
  ],
  watch: { failuresBeforeOpen: 3, healthyBeforeRecovery: '5m' },
});

beforeAll(async () => {
  harness = await startHarness({ ackTimeout: '1h', repeatEvery: '1h', resolveWithin: '4h' });
  service = harness.start({ workers: false });
});

afterAll(async () => {
  await harness?.close();
});

async function incidents() {
  const { rows } = await harness.pool.query<{ id: string; level: string; state: string; dedup_key: string }>(
    'SELECT id, level, state, dedup_key FROM incidents ORDER BY id',
  );
  return rows;
}

async function events(type: string) {
  const { rows } = await harness.pool.query<{ incident_id: string; level: string }>(
    'SELECT incident_id, level FROM incident_events WHERE type = $1 ORDER BY id',
    [type],
  );
  return rows;
}

describe('watch tick (flap guard on PostgreSQL)', () => {
  it('opens N2 after exactly 3 failures, raises the same incident to N3 when both instances fail, notes recovery once all are healthy, reports a relapse, then auto-resolves', async () => {
    const deps = { pool: harness.pool, service, policy };
    const t0 = Date.now();
    const tick = (index: number, one: CheckResult['status'], two: CheckResult['status'], p = policy) =>
      watchTick(
        { ...deps, policy: p },
        [result('api.health', 'api-1', one), result('api.health', 'api-2', two)],
        'watch all',
        t0 + index * MINUTE,
      );

    expect((await tick(0, 'fail', 'ok')).opened).toEqual([]);
    expect((await tick(1, 'fail', 'ok')).opened).toEqual([]);
    expect(await incidents()).toEqual([]);
    const third = await tick(2, 'fail', 'ok');
    expect(third.opened).toHaveLength(1);
    const id = third.opened[0];
    // api.health counts its targets together (an atLeast rule): one incident for the check.
    expect(await incidents()).toEqual([
      { id: String(id), level: 'N2', state: 'open', dedup_key: 'check:api.health' },
    ]);
    // Still failing: no new incident, no join spam.
    expect(await tick(3, 'fail', 'ok')).toEqual({
      opened: [],
      joined: [],
      raised: [],
      recovered: [],
      resolved: [],
    });

    // api-2 fails too: after its own 3 failures, the same incident is raised to N3, once.
    await tick(4, 'fail', 'fail');
    await tick(5, 'fail', 'fail');
    const both = await tick(6, 'fail', 'fail');
    expect(both).toMatchObject({ opened: [], joined: [id], raised: [{ incidentId: id, to: 'N3' }] });
    expect((await incidents()).map((row) => [row.dedup_key, row.level])).toEqual([
      ['check:api.health', 'N3'],
    ]);
    expect(await events('escalated')).toHaveLength(1);

    // api-2 heals first: no recovery while api-1 still fails.
    for (let index = 7; index < 14; index += 1)
      expect((await tick(index, 'fail', 'ok')).recovered).toEqual([]);
    // api-1 heals at run 14: 5 healthy minutes later (run 19) the incident gets "rétabli", once.
    for (let index = 14; index < 19; index += 1)
      expect((await tick(index, 'ok', 'ok')).recovered).toEqual([]);
    expect((await tick(19, 'ok', 'ok')).recovered).toEqual([id]);
    expect((await tick(20, 'ok', 'ok')).recovered).toEqual([]);
    expect((await events('recovered')).map((row) => row.level)).toEqual(['N3']);

    // A relapse after "rétabli": past the guard again, it is reported on the same open incident.
    const duplicatesBefore = (await events('duplicate')).length;
    await tick(21, 'fail', 'ok');
    await tick(22, 'fail', 'ok');
    expect((await tick(23, 'fail', 'ok')).joined).toEqual([id]);
    expect(await events('duplicate')).toHaveLength(duplicatesBefore + 1);
    expect((await incidents()).map((row) => row.state)).toEqual(['open']);

    // autoResolve: resolved by hand, a new failure opens a new incident, healed, resolved by the watch.
    const auto = { ...policy, watch: { ...policy.watch, autoResolve: true } };
    await service.act(Number(id), { kind: 'resolve', by: 'UNIVEAU3' });
    for (let index = 24; index < 26; index += 1) await tick(index, 'fail', 'ok', auto);
    const reopened = (await incidents()).filter((row) => row.state !== 'resolved');
    expect(reopened.map((row) => [row.dedup_key, row.level])).toEqual([['check:api.health', 'N2']]);
    await tick(26, 'ok', 'ok', auto);
    const done = await tick(31, 'ok', 'ok', auto);
    expect(done.resolved).toEqual([Number(reopened[0]?.id)]);
    expect((await incidents()).every((row) => row.state === 'resolved')).toBe(true);
  });

  it('a recovery that cannot be noted is noted by the next run, not lost', async () => {
    const deps = { pool: harness.pool, service, policy };
    const t0 = Date.now() + 1000 * MINUTE;
    const failing = [result('api.health', 'api-9', 'fail')];
    for (let index = 0; index < 3; index += 1)
      await watchTick(deps, failing, 'watch all', t0 + index * MINUTE);
    const healthy = [result('api.health', 'api-9', 'ok')];
    await watchTick(deps, healthy, 'watch all', t0 + 3 * MINUTE);
    const errors: unknown[] = [];
    const broken = {
      ...deps,
      service: { ...service, note: async () => Promise.reject(new Error('database gone')) },
      onError: (error: unknown) => errors.push(error),
    };
    const lost = await watchTick(broken, healthy, 'watch all', t0 + 9 * MINUTE);
    expect(lost.recovered).toEqual([]);
    expect(errors).toHaveLength(1);
    const next = await watchTick(deps, healthy, 'watch all', t0 + 10 * MINUTE);
    expect(next.recovered).toHaveLength(1);
  });

  it('two replicas crossing the threshold at once open one incident, and neither joins it', async () => {
    const redisPolicy = escalationPolicySchema.parse({
      autoOpen: [{ check: 'redis.ping', level: 'N2' }],
      watch: { failuresBeforeOpen: 3, healthyBeforeRecovery: '5m' },
    });
    const deps = { pool: harness.pool, service, policy: redisPolicy };
    const t0 = Date.now() + 2000 * MINUTE;
    const failing = [result('redis.ping', 'redis', 'fail')];
    for (let index = 0; index < 2; index += 1)
      await watchTick(deps, failing, 'watch all', t0 + index * MINUTE);
    const duplicatesBefore = (await events('duplicate')).length;
    const openBefore = (await incidents()).filter((row) => row.state === 'open').map((row) => row.id);
    const [one, two] = await Promise.all([
      watchTick(deps, failing, 'watch all', t0 + 2 * MINUTE),
      watchTick(deps, failing, 'watch all', t0 + 2 * MINUTE + 1),
    ]);
    const opened = [...(one?.opened ?? []), ...(two?.opened ?? [])];
    expect(opened).toHaveLength(1);
    expect([...(one?.joined ?? []), ...(two?.joined ?? [])]).toEqual([]);
    expect(await events('duplicate')).toHaveLength(duplicatesBefore);
    const open = (await incidents()).filter((row) => row.state === 'open' && !openBefore.includes(row.id));
    expect(open.map((row) => row.id)).toEqual([String(opened[0])]);
  });
});
