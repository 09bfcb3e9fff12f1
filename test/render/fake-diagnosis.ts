import { type CheckResult, type CheckStatus, checkIds } from '../../src/checks/check.js';
import type { Diagnosis } from '../../src/checks/run-checks.js';
import { msg } from '../../src/i18n/message.js';

/** A synthetic result: renderers are pure, so their tests need no server. */
export function fakeResult(status: CheckStatus, index: number, detailLength = 40): CheckResult {
  const id = checkIds[index % checkIds.length] ?? 'postgres.ping';
  return {
    id,
    target: `target-${index}`,
    title: msg('check.postgres.ping.title'),
    status,
    value: index,
    unit: 'ms',
    threshold: { direction: 'above', warn: 100, fail: 500, unit: 'ms' },
    detail: msg('check.crashed', { reason: `<${'x'.repeat(detailLength)}> & ${index}` }),
    durationMs: 3,
  };
}

/** A diagnosis with the given statuses, in that order. */
export function fakeDiagnosis(statuses: readonly CheckStatus[], detailLength?: number): Diagnosis {
  const results = statuses.map((status, index) => fakeResult(status, index, detailLength));
  const rank = { ok: 0, warn: 1, unknown: 2, fail: 3 } as const;
  const worst = statuses.reduce<CheckStatus>((w, s) => (rank[s] > rank[w] ? s : w), 'ok');
  return { status: worst, startedAt: new Date('2026-11-02T10:00:00Z'), durationMs: 42, results };
}
