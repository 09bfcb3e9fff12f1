import { describe, expect, it } from 'vitest';
import type { IncidentState } from '../../src/core/escalation/incident-state.js';
import { isAvailable, localClock, onCallFor } from '../../src/core/escalation/on-call.js';
import { openIncident, step } from '../../src/core/escalation/step.js';
import { MONDAY_10H, quiet, SUNDAY_3H, testSnapshot } from './engine-fixtures.js';

const snapshot = testSnapshot();
const T0 = MONDAY_10H;

function opened(now = T0, level: 'N1' | 'N2' | 'N3' = 'N1'): IncidentState {
  return openIncident(snapshot, level, 'UOPS', quiet, now).state;
}

describe('openIncident', () => {
  it('pages the level and arms ack, repeat and resolve timers', () => {
    const { state, records } = openIncident(snapshot, 'N1', 'UOPS', quiet, T0);
    expect(state).toMatchObject({
      status: 'open',
      level: 'N1',
      generation: 1,
      paged: ['UN1'],
      deadlines: { ackAt: T0 + 15_000, repeatAt: T0 + 10_000, resolveBy: T0 + 60_000 },
    });
    expect(records).toEqual([
      { type: 'opened', level: 'N1', by: 'UOPS' },
      { type: 'paged', level: 'N1', people: ['UN1'], reason: 'opened' },
    ]);
  });

  it('skips a level with nobody reachable at once and says so (Sunday night: N1 is off)', () => {
    const { state, records } = openIncident(snapshot, 'N1', 'UOPS', quiet, SUNDAY_3H);
    expect(state.level).toBe('N2');
    expect(records).toContainEqual({ type: 'level-skipped', level: 'N1' });
    expect(state.paged).toEqual(['UN2']);
  });

  it('at N3 arms no ack timer: the repeat keeps paging', () => {
    expect(opened(T0, 'N3').deadlines).toEqual({
      ackAt: null,
      repeatAt: T0 + 10_000,
      resolveBy: T0 + 60_000,
    });
  });

  it('in maintenance records the incident but suppresses the page', () => {
    const { state, records } = openIncident(
      snapshot,
      'N2',
      'UOPS',
      { overrides: [], maintenanceUntil: T0 + 5000 },
      T0,
    );
    expect(state.paged).toEqual([]);
    expect(records).toContainEqual({ type: 'page-suppressed', level: 'N2', reason: 'maintenance' });
    expect(state.deadlines).toMatchObject({ ackAt: null, repeatAt: T0 + 5000 });
  });
});

describe('step', () => {
  const cases: Array<{
    name: string;
    state: () => IncidentState;
    event: Parameters<typeof step>[2];
    at: number;
    expected: Partial<IncidentState> | string;
    record?: unknown;
  }> = [
    {
      name: 'ack timeout escalates N1 → N2',
      state: () => opened(),
      event: { kind: 'timer', timer: 'ack', generation: 1 },
      at: T0 + 15_000,
      expected: { level: 'N2', status: 'open', generation: 2, paged: ['UN2'] },
      record: { type: 'escalated', from: 'N1', to: 'N2', by: null },
    },
    {
      name: 'ack timeout from N2 escalates to N3 without ack timer',
      state: () => opened(T0, 'N2'),
      event: { kind: 'timer', timer: 'ack', generation: 1 },
      at: T0 + 15_000,
      expected: { level: 'N3', deadlines: { ackAt: null, repeatAt: T0 + 25_000, resolveBy: T0 + 75_000 } },
    },
    {
      name: 'repeat pages the same level again and keeps the ack deadline',
      state: () => opened(),
      event: { kind: 'timer', timer: 'repeat', generation: 1 },
      at: T0 + 10_000,
      expected: {
        level: 'N1',
        generation: 2,
        deadlines: { ackAt: T0 + 15_000, repeatAt: T0 + 20_000, resolveBy: T0 + 60_000 },
      },
      record: { type: 'paged', level: 'N1', people: ['UN1'], reason: 'repeat' },
    },
    {
      name: 'repeat at N3 keeps repeating',
      state: () => opened(T0, 'N3'),
      event: { kind: 'timer', timer: 'repeat', generation: 1 },
      at: T0 + 10_000,
      expected: { level: 'N3', deadlines: { ackAt: null, repeatAt: T0 + 20_000, resolveBy: T0 + 60_000 } },
    },
    {
      name: 'resolve deadline breached: SLA dépassé and escalate',
      state: () => opened(),
      event: { kind: 'timer', timer: 'resolve', generation: 1 },
      at: T0 + 60_000,
      expected: {
        level: 'N2',
        deadlines: { ackAt: T0 + 75_000, repeatAt: T0 + 70_000, resolveBy: T0 + 120_000 },
      },
      record: { type: 'sla-breached', level: 'N1' },
    },
    {
      name: 'resolve deadline at N3: SLA dépassé, page again, no further SLA timer',
      state: () => opened(T0, 'N3'),
      event: { kind: 'timer', timer: 'resolve', generation: 1 },
      at: T0 + 60_000,
      expected: { level: 'N3', deadlines: { ackAt: null, repeatAt: T0 + 70_000, resolveBy: null } },
      record: { type: 'sla-breached', level: 'N3' },
    },
    {
      name: 'a stale generation does nothing',
      state: () => opened(),
      event: { kind: 'timer', timer: 'ack', generation: 0 },
      at: T0 + 15_000,
      expected: 'stale-timer',
    },
    {
      name: 'a timer not yet due does nothing',
      state: () => opened(),
      event: { kind: 'timer', timer: 'ack', generation: 1 },
      at: T0 + 1000,
      expected: 'not-due',
    },
    {
      name: 'acknowledge disarms ack and repeat, keeps the SLA',
      state: () => opened(),
      event: { kind: 'acknowledge', by: 'UN1' },
      at: T0 + 1000,
      expected: {
        status: 'acknowledged',
        generation: 2,
        deadlines: { ackAt: null, repeatAt: null, resolveBy: T0 + 60_000 },
      },
      record: { type: 'acknowledged', level: 'N1', by: 'UN1' },
    },
    {
      name: 'a second acknowledge is refused',
      state: () => {
        const r = step(snapshot, opened(), { kind: 'acknowledge', by: 'UN1' }, quiet, T0);
        return r.applied ? r.state : opened();
      },
      event: { kind: 'acknowledge', by: 'UN2' },
      at: T0 + 1000,
      expected: 'already-acknowledged',
    },
    {
      name: 'the ack timer of an acknowledged incident is stale',
      state: () => {
        const r = step(snapshot, opened(), { kind: 'acknowledge', by: 'UN1' }, quiet, T0);
        return r.applied ? r.state : opened();
      },
      event: { kind: 'timer', timer: 'ack', generation: 2 },
      at: T0 + 15_000,
      expected: 'stale-timer',
    },
    {
      name: 'manual escalation pages the next level',
      state: () => opened(),
      event: { kind: 'escalate', by: 'UN1' },
      at: T0 + 1000,
      expected: { level: 'N2', status: 'open' },
      record: { type: 'escalated', from: 'N1', to: 'N2', by: 'UN1' },
    },
    {
      name: 'manual escalation at N3 is refused',
      state: () => opened(T0, 'N3'),
      event: { kind: 'escalate', by: 'UN3' },
      at: T0 + 1000,
      expected: 'top-level',
    },
    {
      name: 'resolve disarms every timer',
      state: () => opened(),
      event: { kind: 'resolve', by: 'UN1' },
      at: T0 + 1000,
      expected: { status: 'resolved', deadlines: { ackAt: null, repeatAt: null, resolveBy: null } },
    },
    {
      name: 'silence disarms the ack timer until the end; then the repeat pages again',
      state: () => opened(),
      event: { kind: 'silence', by: 'UN1', untilMs: T0 + 30_000 },
      at: T0 + 1000,
      expected: {
        silencedUntil: T0 + 30_000,
        deadlines: { ackAt: null, repeatAt: T0 + 30_000, resolveBy: T0 + 60_000 },
      },
    },
    {
      name: 'reopen a resolved incident pages its level again',
      state: () => {
        const r = step(snapshot, opened(), { kind: 'resolve', by: 'UN1' }, quiet, T0);
        return r.applied ? r.state : opened();
      },
      event: { kind: 'reopen', by: 'UN1' },
      at: T0 + 1000,
      expected: { status: 'open', level: 'N1', paged: ['UN1'] },
    },
    {
      name: 'reopen an open incident is refused',
      state: () => opened(),
      event: { kind: 'reopen', by: 'UN1' },
      at: T0 + 1000,
      expected: 'not-resolved',
    },
    {
      name: 'a raise up to N2 escalates N1 to N2',
      state: () => opened(),
      event: { kind: 'escalate', by: 'samaops', upTo: 'N2' },
      at: T0 + 1000,
      expected: { level: 'N2' },
    },
    {
      name: 'a raise up to N2 of an incident another raiser already took to N2 is refused (no overshoot)',
      state: () => {
        const r = step(snapshot, opened(), { kind: 'escalate', by: 'samaops' }, quiet, T0);
        return r.applied ? r.state : opened();
      },
      event: { kind: 'escalate', by: 'samaops', upTo: 'N2' },
      at: T0 + 1000,
      expected: 'already-at-level',
    },
  ];

  it.each(cases)('$name', ({ state, event, at, expected, record }) => {
    const result = step(snapshot, state(), event, quiet, at);
    if (typeof expected === 'string') {
      expect(result).toEqual({ applied: false, refusal: expected });
      return;
    }
    expect(result.applied).toBe(true);
    if (!result.applied) return;
    expect(result.state).toMatchObject(expected);
    if (record) expect(result.records).toContainEqual(record);
  });

  it('end of silence pages the level again with a fresh ack timer', () => {
    const silenced = step(
      snapshot,
      opened(),
      { kind: 'silence', by: 'UN1', untilMs: T0 + 30_000 },
      quiet,
      T0,
    );
    if (!silenced.applied) throw new Error('silence refused');
    const result = step(
      snapshot,
      silenced.state,
      { kind: 'timer', timer: 'repeat', generation: 2 },
      quiet,
      T0 + 30_000,
    );
    expect(result).toMatchObject({
      applied: true,
      state: { silencedUntil: null, deadlines: { ackAt: T0 + 45_000, repeatAt: T0 + 40_000 } },
    });
  });

  it('in maintenance a timer pages nobody and escalates nothing', () => {
    const result = step(
      snapshot,
      opened(),
      { kind: 'timer', timer: 'repeat', generation: 1 },
      { overrides: [], maintenanceUntil: T0 + 100_000 },
      T0 + 10_000,
    );
    expect(result).toMatchObject({
      applied: true,
      state: { level: 'N1', paged: [], deadlines: { ackAt: null } },
    });
  });
});

describe('on-call', () => {
  it('reads the clock in the inventory timezone', () => {
    expect(localClock(Date.parse('2026-11-23T23:30:00Z'), 'Europe/Paris')).toEqual({
      day: 'tue',
      minutes: 30,
    });
  });

  it('honours days and hours of availability windows', () => {
    const person = snapshot.team[0];
    if (!person) throw new Error('no person');
    expect(isAvailable(person, MONDAY_10H, 'Africa/Dakar')).toBe(true);
    expect(isAvailable(person, Date.parse('2026-11-23T18:00:00Z'), 'Africa/Dakar')).toBe(false);
    expect(isAvailable(person, Date.parse('2026-11-23T07:59:00Z'), 'Africa/Dakar')).toBe(false);
    expect(isAvailable(person, SUNDAY_3H, 'Africa/Dakar')).toBe(false);
  });

  it('windows past midnight belong to their start day', () => {
    const night = {
      ...snapshot.team[1],
      availability: { days: ['mon' as const], from: '20:00', to: '08:00' },
    } as never;
    expect(isAvailable(night, Date.parse('2026-11-23T21:00:00Z'), 'UTC')).toBe(true);
    expect(isAvailable(night, Date.parse('2026-11-24T07:00:00Z'), 'UTC')).toBe(true);
    expect(isAvailable(night, Date.parse('2026-11-24T21:00:00Z'), 'UTC')).toBe(false);
  });

  it('an active override takes the shift; an expired one does not', () => {
    const overrides = [{ slackId: 'UX', role: 'support_n1' as const, untilMs: SUNDAY_3H + 1000 }];
    expect(onCallFor(snapshot, 'support_n1', overrides, SUNDAY_3H)).toEqual(['UX']);
    expect(onCallFor(snapshot, 'support_n1', overrides, MONDAY_10H)).toEqual(['UN1']);
    const { state } = openIncident(snapshot, 'N1', 'UOPS', { overrides, maintenanceUntil: null }, SUNDAY_3H);
    expect(state).toMatchObject({ level: 'N1', paged: ['UX'] });
  });
});
