import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/checks/check.js';
import { escalationPolicySchema } from '../../../src/config/escalation-policy-schema.js';
import { advanceWatch, type Streak } from '../../../src/escalation/watch/flap-guard.js';
import { playbookIds } from '../../../src/playbooks/diagnose-playbooks.js';

const result = (id: string, target: string, status: CheckResult['status']) =>
  ({ id, target, status }) as unknown as CheckResult;

const T0 = Date.UTC(2026, 0, 5, 3, 0, 0);
const MINUTE = 60_000;
const settings = { failuresBeforeOpen: 3, healthyBeforeRecoveryMs: 5 * MINUTE, autoResolve: false };
const { autoOpen: rules } = escalationPolicySchema.parse({
  autoOpen: [
    { check: 'api.health', level: 'N3', atLeast: 2 },
    { check: 'api.health', level: 'N2' },
    { check: 'disk.usage', level: 'N1' },
  ],
});

/** Runs the guard over successive runs one minute apart; returns every run's actions and the last streaks. */
function runs(sequence: CheckResult[][], start: Streak[] = [], options = settings) {
  let streaks = start;
  const actions = sequence.map((results, index) => {
    const next = advanceWatch(options, rules, results, streaks, T0 + index * MINUTE);
    streaks = next.streaks;
    return next.actions;
  });
  return { actions, streaks };
}

/** A streak as the edge leaves it once the incident opened. */
const linked = (streak: Streak, incidentId: number): Streak => ({
  ...streak,
  incidentId,
  level: streak.level ?? 'N2',
});

describe('the flap guard', () => {
  it('reads the watch defaults from the inventory', () => {
    expect(escalationPolicySchema.parse(undefined).watch).toEqual({
      playbook: 'all',
      every: 60_000,
      failuresBeforeOpen: 3,
      healthyBeforeRecovery: 300_000,
      autoResolve: false,
    });
  });

  it('offers every playbook, and off', () => {
    for (const playbook of [...playbookIds, 'off']) {
      expect(escalationPolicySchema.parse({ watch: { playbook } }).watch.playbook).toBe(playbook);
    }
    expect(() => escalationPolicySchema.parse({ watch: { playbook: 'everything' } })).toThrow();
  });

  it.each([
    ['fail fail fail', ['fail', 'fail', 'fail'], [0, 0, 1]],
    ['fail fail ok fail fail', ['fail', 'fail', 'ok', 'fail', 'fail'], [0, 0, 0, 0, 0]],
    ['fail fail unknown fail', ['fail', 'fail', 'unknown', 'fail'], [0, 0, 0, 1]],
    ['fail fail warn fail', ['fail', 'fail', 'warn', 'fail'], [0, 0, 0, 0]],
    ['fail ×5 without the edge linking', ['fail', 'fail', 'fail', 'fail', 'fail'], [0, 0, 1, 1, 1]],
  ] as const)('%s → opens on the expected runs', (_name, statuses, expected) => {
    const { actions } = runs(statuses.map((status) => [result('api.health', 'api-1', status)]));
    expect(actions.map((a) => a.filter((action) => action.kind === 'open').length)).toEqual(expected);
  });

  it('opens once: a linked streak asks again only for a higher level', () => {
    let { streaks } = runs([1, 2, 3].map(() => [result('api.health', 'api-1', 'fail')]));
    streaks = streaks.map((streak) => linked(streak, 7));
    const same = advanceWatch(settings, rules, [result('api.health', 'api-1', 'fail')], streaks, T0);
    expect(same.actions).toEqual([]);
  });

  it('one API instance down → N2; both past the guard → one action raising the same incident to N3', () => {
    const one = runs(
      [1, 2, 3].map(() => [result('api.health', 'api-1', 'fail'), result('api.health', 'api-2', 'ok')]),
    );
    expect(one.actions[2]).toEqual([
      {
        kind: 'open',
        request: { dedupKey: 'check:api.health', level: 'N2', checkId: 'api.health', targets: ['api-1'] },
      },
    ]);
    const start = one.streaks.map((streak) => (streak.target === 'api-1' ? linked(streak, 7) : streak));
    const both = runs(
      [1, 2, 3].map(() => [result('api.health', 'api-1', 'fail'), result('api.health', 'api-2', 'fail')]),
      start,
    );
    expect(both.actions.slice(0, 2)).toEqual([[], []]);
    expect(both.actions[2]).toEqual([
      {
        kind: 'open',
        request: {
          dedupKey: 'check:api.health',
          level: 'N3',
          checkId: 'api.health',
          targets: ['api-1', 'api-2'],
        },
      },
    ]);
  });

  it('recovery: noted once after M healthy minutes; a new failure resets it', () => {
    const failing = runs([1, 2, 3].map(() => [result('disk.usage', 'db', 'fail')]));
    const start = failing.streaks.map((streak) => linked(streak, 9));
    const healthy = runs(
      Array.from({ length: 8 }, () => [result('disk.usage', 'db', 'ok')]),
      start,
    );
    // Healthy from run 0 (T0): 5 minutes are reached at run 5, noted once.
    expect(healthy.actions.map((a) => a.length)).toEqual([0, 0, 0, 0, 0, 1, 0, 0]);
    expect(healthy.actions[5]).toEqual([
      {
        kind: 'recovered',
        incidentId: 9,
        behind: [{ checkId: 'disk.usage', target: 'db' }],
        healthyMs: 5 * MINUTE,
        resolve: false,
      },
    ]);
    const flap = runs(
      [
        ['ok', 0],
        ['fail', 1],
        ['ok', 2],
        ['ok', 7],
      ].map(([status]) => [result('disk.usage', 'db', status as 'ok')]),
      start,
    );
    expect(flap.actions.flat()).toEqual([]);
    expect(flap.streaks[0]).toMatchObject({
      failures: 0,
      healthySince: T0 + 2 * MINUTE,
      recoveryNoted: false,
    });
  });

  it('an incident behind several targets recovers when all of them are healthy long enough', () => {
    const start: Streak[] = ['api-1', 'api-2'].map((target) => ({
      checkId: 'api.health',
      target,
      failures: 3,
      healthySince: null,
      incidentId: 4,
      level: 'N3',
      recoveryNoted: false,
    }));
    const { actions } = runs(
      [
        ...Array.from({ length: 7 }, () => [
          result('api.health', 'api-1', 'fail'),
          result('api.health', 'api-2', 'ok'),
        ]),
        ...Array.from({ length: 6 }, () => [
          result('api.health', 'api-1', 'ok'),
          result('api.health', 'api-2', 'ok'),
        ]),
      ],
      start,
    );
    // api-2 healthy from run 0 and api-1 from run 7: noted at run 12, the shorter 5 minutes.
    expect(actions.map((a) => a.filter((action) => action.kind === 'recovered').length)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    ]);
    expect(actions[12]).toEqual([
      {
        kind: 'recovered',
        incidentId: 4,
        behind: [
          { checkId: 'api.health', target: 'api-1' },
          { checkId: 'api.health', target: 'api-2' },
        ],
        healthyMs: 5 * MINUTE,
        resolve: false,
      },
    ]);
  });

  it('a relapse after a noted recovery asks again once past the guard, to report it on the incident', () => {
    const start: Streak[] = [
      {
        checkId: 'disk.usage',
        target: 'db',
        failures: 0,
        healthySince: T0 - 10 * MINUTE,
        incidentId: 9,
        level: 'N1',
        recoveryNoted: true,
      },
    ];
    const { actions } = runs(
      [1, 2, 3, 4].map(() => [result('disk.usage', 'db', 'fail')]),
      start,
    );
    expect(actions.map((a) => a.length)).toEqual([0, 0, 1, 1]);
    expect(actions[2]).toEqual([
      {
        kind: 'open',
        request: { dedupKey: 'check:disk.usage:db', level: 'N1', checkId: 'disk.usage', targets: ['db'] },
      },
    ]);
  });

  it('a single failing run after a noted recovery, below the guard, brings no second rétabli', () => {
    const start: Streak[] = [
      {
        checkId: 'disk.usage',
        target: 'db',
        failures: 0,
        healthySince: T0 - 10 * MINUTE,
        incidentId: 9,
        level: 'N1',
        recoveryNoted: true,
      },
    ];
    const statuses = ['fail', ...Array(8).fill('ok')] as const;
    const { actions } = runs(
      statuses.map((status) => [result('disk.usage', 'db', status)]),
      start,
    );
    expect(actions.flat()).toEqual([]);
  });

  it('autoResolve asks to resolve on recovery', () => {
    const start: Streak[] = [
      {
        checkId: 'disk.usage',
        target: 'db',
        failures: 0,
        healthySince: T0,
        incidentId: 3,
        level: 'N1',
        recoveryNoted: false,
      },
    ];
    const next = advanceWatch(
      { ...settings, autoResolve: true },
      rules,
      [result('disk.usage', 'db', 'ok')],
      start,
      T0 + 6 * MINUTE,
    );
    expect(next.actions).toEqual([
      {
        kind: 'recovered',
        incidentId: 3,
        behind: [{ checkId: 'disk.usage', target: 'db' }],
        healthyMs: 6 * MINUTE,
        resolve: true,
      },
    ]);
  });

  it('keeps the streaks of checks absent from a run (another playbook) unchanged', () => {
    const start: Streak[] = [
      {
        checkId: 'disk.usage',
        target: 'db',
        failures: 2,
        healthySince: null,
        incidentId: null,
        level: null,
        recoveryNoted: false,
      },
    ];
    const next = advanceWatch(settings, rules, [result('api.health', 'api-1', 'ok')], start, T0);
    expect(next.streaks).toContainEqual(start[0]);
  });
});
