import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult, CheckStatus } from '../../../src/checks/check.js';
import { escalationPolicySchema } from '../../../src/config/escalation-policy-schema.js';
import { sloSchema } from '../../../src/config/slo-schema.js';
import { MINUTE_MS, minuteOf } from '../../../src/core/slo/minute-series.js';
import type { EscalationService } from '../../../src/escalation/escalation-service.js';
import { burnRateTick } from '../../../src/escalation/watch/burn-rate-tick.js';
import { recordSloRun } from '../../../src/escalation/watch/feed-slo.js';
import { type Harness, startHarness } from '../escalation-harness.js';

// Burn-rate incidents from a replayed watch series, on the real PostgreSQL: each minute the run's
// results are recorded in the SLO series, then the burn rates are evaluated and handed to the
// watch, whose auto-open path opens (and deduplicates) the SLO's incident.
let harness: Harness;
let service: EscalationService;

/** The watch's flap guard as by default: a burn opens past 3 firing evaluations in a row. */
const watch = escalationPolicySchema.parse({ watch: { healthyBeforeRecovery: '5m' } }).watch;

beforeAll(async () => {
  harness = await startHarness({ ackTimeout: '1h', repeatEvery: '1h', resolveWithin: '4h' });
  service = harness.start({ workers: false });
});

afterAll(async () => {
  await harness?.close();
});

const result = (id: string, target: string, status: CheckStatus, value: number | null) =>
  ({ id, target, status, value }) as unknown as CheckResult;

/**
 * Replays `minutes` watch runs from `startMinute`: each minute, `resultsAt(index)` is recorded and
 * the burn rates evaluated. Returns each tick's outcome, by index.
 */
async function replay(
  slo: ReturnType<typeof sloSchema.parse>,
  startMinute: number,
  minutes: number,
  resultsAt: (index: number) => CheckResult[],
  guard = watch,
) {
  const outcomes = [];
  for (let index = 0; index < minutes; index += 1) {
    const minute = startMinute + index;
    await recordSloRun(harness.pool, slo, resultsAt(index), minute);
    outcomes.push(
      await burnRateTick(
        { pool: harness.pool, service, slo, watch: guard, locale: 'fr' },
        minute,
        minute * MINUTE_MS + 5000,
      ),
    );
  }
  return outcomes;
}

async function incidentsOf(dedupKey: string) {
  const { rows } = await harness.pool.query<{ id: string; level: string; title: string; source: string }>(
    'SELECT id, level, title, source FROM incidents WHERE dedup_key = $1 ORDER BY id',
    [dedupKey],
  );
  return rows;
}

describe('burn-rate incidents (multi-window, through the watch)', () => {
  it('a fast burn (a 20-minute outage at 99.9 %) opens exactly one N2 incident, past the flap guard, and notes the recovery once', async () => {
    const slo = sloSchema.parse({});
    const start = minuteOf(Date.UTC(2026, 10, 10, 8, 0));
    const down = (index: number) => index >= 60 && index < 80;
    const outcomes = await replay(slo, start, 130, (index) => [
      result('api.health', 'api-1', down(index) ? 'fail' : 'ok', down(index) ? null : 80),
      result('api.health', 'api-2', down(index) ? 'fail' : 'ok', down(index) ? null : 85),
      result('postgres.ping', 'postgres', 'ok', 4),
    ]);
    const opened = outcomes.flatMap((outcome, index) => outcome.opened.map((id) => ({ id, index })));
    expect(opened).toHaveLength(1);
    // The fast rule fires from the first down minute (60); the third firing evaluation opens.
    expect(opened[0]?.index).toBe(62);
    expect(
      outcomes[60]?.verdicts.find((v) => v.service === 'api' && v.objective === 'availability'),
    ).toMatchObject({
      firing: 'fast',
    });
    // Still burning for 50 minutes (fast, then slow at a lower level): no join, no raise.
    expect(outcomes.flatMap((outcome) => [...outcome.joined, ...outcome.raised])).toEqual([]);
    const incidents = await incidentsOf('check:slo.burn:api availability');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ id: String(opened[0]?.id), level: 'N2', source: 'slo burn-rate' });
    expect(incidents[0]?.title).toMatch(
      /^SLO api — disponibilité : budget d’erreur brûlé à 50× \(règle rapide/,
    );
    // The slow rule's 30 minutes clear at index 109 (healthy since); 5 minutes later, "rétabli", once.
    const recovered = outcomes.flatMap((outcome, index) => outcome.recovered.map(() => index));
    expect(recovered).toEqual([114]);
    // The db and the latencies never burned.
    expect(await incidentsOf('check:slo.burn:db availability')).toEqual([]);
    expect(await incidentsOf('check:slo.burn:api latency')).toEqual([]);
  });

  it('a slow burn (1 minute in 10 down at 99 %) opens the incident at N1 when the 6-hour window reaches 6×, never fast (flap guard of 1)', async () => {
    const slo = sloSchema.parse({
      services: [{ name: 'web', checks: ['api.health'], availability: { target: 99, critical: 98 } }],
    });
    const start = minuteOf(Date.UTC(2026, 10, 20, 0, 0));
    // 6 healthy hours, then one down minute in ten.
    const outcomes = await replay(
      slo,
      start,
      600,
      (index) => [result('api.health', 'web-1', index >= 360 && index % 10 === 0 ? 'fail' : 'ok', 90)],
      { ...watch, failuresBeforeOpen: 1 },
    );
    const opened = outcomes.flatMap((outcome, index) => outcome.opened.map((id) => ({ id, index })));
    // 6 % of 360 minutes is 21.6: the 22nd down minute, 210 minutes into the burn.
    expect(opened.map((open) => open.index)).toEqual([360 + 210]);
    expect(
      outcomes.some((outcome) => outcome.verdicts.some((verdict) => verdict.fired.includes('fast'))),
    ).toBe(false);
    const incidents = await incidentsOf('check:slo.burn:web availability');
    expect(incidents.map((incident) => incident.level)).toEqual(['N1']);
    expect(incidents[0]?.title).toContain('règle lente');
  });

  it('a burn the watch’s own incident already covers (open, or resolved within 6 hours) opens nothing', async () => {
    const slo = sloSchema.parse({ services: [{ name: 'files', checks: ['minio.live'] }] });
    const covering = await service.open({
      dedupKey: 'check:minio.live:minio',
      title: 'minio.live · minio',
      source: 'watch all',
      level: 'N2',
      by: 'samaops',
    });
    const start = minuteOf(Date.UTC(2026, 10, 25, 0, 0));
    const down = (index: number) => index >= 30 && index < 50;
    const readings = (index: number) => [result('minio.live', 'minio', down(index) ? 'fail' : 'ok', 5)];
    const whileOpen = await replay(slo, start, 60, readings);
    expect(whileOpen.some((outcome) => outcome.verdicts[0]?.firing === 'fast')).toBe(true);
    await service.act(covering.incident.id, { kind: 'resolve', by: 'UNIVEAU2' });
    const afterResolve = await replay(slo, start + 60, 60, (index) => readings(index + 30));
    expect([...whileOpen, ...afterResolve].flatMap((outcome) => outcome.opened)).toEqual([]);
    expect(await incidentsOf('check:slo.burn:files availability')).toEqual([]);
  });
});
