import type { PolicySnapshot } from '../../src/core/escalation/policy-snapshot.js';
import type { StepContext } from '../../src/core/escalation/step.js';

/** Monday 2026-11-23 10:00 in Dakar (UTC+0): inside office hours. */
export const MONDAY_10H = Date.parse('2026-11-23T10:00:00Z');
/** Sunday 2026-11-22 03:00 in Dakar: only 24/7 people are reachable. */
export const SUNDAY_3H = Date.parse('2026-11-22T03:00:00Z');

/** A policy with one person per level; N1 office hours only, the others 24/7. */
export function testSnapshot(ms = { ack: 15_000, repeat: 10_000, resolve: 60_000 }): PolicySnapshot {
  const level = (roles: PolicySnapshot['levels']['N1']['roles']) => ({
    roles,
    ackTimeoutMs: ms.ack,
    repeatEveryMs: ms.repeat,
    resolveWithinMs: ms.resolve,
  });
  return {
    timezone: 'Africa/Dakar',
    levels: { N1: level(['support_n1']), N2: level(['devops', 'dba']), N3: level(['lead', 'architect']) },
    team: [
      {
        slackId: 'UN1',
        name: 'Awa',
        roles: ['support_n1'],
        availability: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' },
      },
      { slackId: 'UN2', name: 'Moussa', roles: ['devops'], availability: '24/7' },
      { slackId: 'UN3', name: 'Fatou', roles: ['lead'], availability: '24/7' },
    ],
  };
}

/** No overrides, no maintenance. */
export const quiet: StepContext = { overrides: [], maintenanceUntil: null };
