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
  it('opens N2 after exactly 3 failures, raises to N3 when both instances fail, notes recovery, then auto-resolves', async () => {
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
    expect(await incidents()).toEqual([
      { id: String(third.opened[0]), level: 'N2', state: 'open', dedup_key: 'check:api.health:api-1' },
    ]);
    // Still failing: no new incident, no join spam.
    expect(await tick(3, 'fail', 'ok')).toEqual({
      opened: [],
      joined: [],
      raised: [],
      recovered: [],
      resolved: [],
    });

    // api-2 fails too: after its own 3 failures, api-1's incident is raised to N3 and api-2 opens at N3.
    await tick(4, 'fail', 'fail');
    await tick(5, 'fail', 'fail');
    const both = await tick(6, 'fail', 'fail');
    expect(both.raised).toEqual([{ incidentId: third.opened[0], to: 'N3' }]);
    expect(both.opened).toHaveLength(1);
    expect((await incidents()).map((row) => [row.dedup_key, row.level])).toEqual([
      ['check:api.health:api-1', 'N3'],
      ['check:api.health:api-2', 'N3'],
    ]);
    expect(await events('escalated')).toHaveLength(1);

    // Healed at run 7: 5 healthy minutes later (run 12) each incident gets "rétabli", once.
    for (let index = 7; index < 12; index += 1) expect((await tick(index, 'ok', 'ok')).recovered).toEqual([]);
    const recovered = await tick(12, 'ok', 'ok');
    expect(recovered.recovered.sort()).toEqual([...both.opened, ...third.opened].sort());
    expect(recovered.resolved).toEqual([]);
    expect((await tick(13, 'ok', 'ok')).recovered).toEqual([]);
    expect((await events('recovered')).map((row) => row.level)).toEqual(['N3', 'N3']);
    expect((await incidents()).every((row) => row.state === 'open')).toBe(true);

    // autoResolve: a new failure, healed, is resolved by the watch itself.
    const auto = { ...policy, watch: { ...policy.watch, autoResolve: true } };
    for (const id of [...both.opened, ...third.opened])
      await service.act(id, { kind: 'resolve', by: 'UNIVEAU3' });
    for (let index = 20; index < 23; index += 1) await tick(index, 'fail', 'ok', auto);
    const reopened = (await incidents()).filter((row) => row.state !== 'resolved');
    expect(reopened.map((row) => [row.dedup_key, row.level])).toEqual([['check:api.health:api-1', 'N2']]);
    await tick(23, 'ok', 'ok', auto);
    const done = await tick(28, 'ok', 'ok', auto);
    expect(done.resolved).toEqual([Number(reopened[0]?.id)]);
    expect((await incidents()).every((row) => row.state === 'resolved')).toBe(true);
  });
});
