import type { CheckStatus } from '../../checks/check.js';
import type { EscalationPolicy } from '../../config/escalation-policy-schema.js';
import type { Streak } from '../../store/watch/watch-streaks.js';
import { autoOpenRequests, byIncident, type IncidentRequest, type WatchObservation } from '../auto-open.js';

export type { Streak } from '../../store/watch/watch-streaks.js';

/** The watch settings the guard reads, durations in milliseconds. */
export interface GuardSettings {
  failuresBeforeOpen: number;
  healthyBeforeRecoveryMs: number;
  autoResolve: boolean;
}

/** What a run calls for: open (or join and raise) an incident, or note a recovery. */
export type WatchAction =
  | { kind: 'open'; request: IncidentRequest }
  | {
      kind: 'recovered';
      incidentId: number;
      /** The (check, target) pairs behind the incident, all healthy long enough. */
      behind: Array<{ checkId: string; target: string }>;
      /** The shortest of their healthy times. */
      healthyMs: number;
      resolve: boolean;
    };

/** The key of a streak: one per check and target. */
export const streakKey = (checkId: string, target: string): string => `${checkId} ${target}`;

const fresh = (checkId: string, target: string): Streak => ({
  checkId,
  target,
  failures: 0,
  healthySince: null,
  incidentId: null,
  level: null,
  recoveryNoted: false,
});

/**
 * One result folded into its streak: `fail` counts, `ok`/`warn` heal, `unknown` (nothing measured)
 * changes nothing. A failure after a noted recovery is a relapse: the level asked for is forgotten,
 * so that the failure, once past the guard again, is reported on the incident (or opens a new one).
 */
export function observe(streak: Streak, status: CheckStatus, now: number): Streak {
  switch (status) {
    case 'fail':
      // The recovery mark stays until the relapse is reported (linking clears it): a single
      // failing run below the guard must not bring a second, unexplained "rétabli".
      return {
        ...streak,
        failures: streak.failures + 1,
        healthySince: null,
        level: streak.recoveryNoted ? null : streak.level,
      };
    case 'ok':
    case 'warn':
      return { ...streak, failures: 0, healthySince: streak.healthySince ?? now };
    case 'unknown':
      return streak;
  }
}

/**
 * One watch run, pure: folds the results into the streaks, then asks to open an incident for each
 * failure mapped by the rules that failed `failuresBeforeOpen` runs in a row and has no incident
 * yet (or has one at a lower level: it is raised), one action per incident (dedup key); and notes
 * a recovery once every (check, target) behind an incident has been healthy
 * `healthyBeforeRecoveryMs`. The `atLeast` rules count only guarded failures, so "both API
 * instances down" means both past the guard. The returned streaks mark the recoveries noted; the
 * edge clears the mark again if noting fails.
 */
export function advanceWatch(
  settings: GuardSettings,
  rules: EscalationPolicy['autoOpen'],
  results: readonly WatchObservation[],
  previous: readonly Streak[],
  now: number,
): { streaks: Streak[]; actions: WatchAction[] } {
  const streaks = new Map(previous.map((streak) => [streakKey(streak.checkId, streak.target), streak]));
  for (const result of results) {
    const key = streakKey(result.id, result.target);
    streaks.set(key, observe(streaks.get(key) ?? fresh(result.id, result.target), result.status, now));
  }
  const guarded = results.filter(
    (result) =>
      result.status === 'fail' &&
      (streaks.get(streakKey(result.id, result.target))?.failures ?? 0) >= settings.failuresBeforeOpen,
  );
  const actions: WatchAction[] = [];
  for (const request of byIncident(autoOpenRequests(rules, guarded))) {
    const asks = request.targets.some((target) => {
      const streak = streaks.get(streakKey(request.checkId, target));
      return !streak || streak.incidentId === null || streak.level === null || request.level > streak.level;
    });
    if (asks) actions.push({ kind: 'open', request });
  }
  const byIncidentId = new Map<number, Streak[]>();
  for (const streak of streaks.values()) {
    if (streak.incidentId === null) continue;
    byIncidentId.set(streak.incidentId, [...(byIncidentId.get(streak.incidentId) ?? []), streak]);
  }
  for (const [incidentId, behind] of byIncidentId) {
    if (behind.every((streak) => streak.recoveryNoted)) continue;
    const healthy = behind.map((streak) => (streak.healthySince === null ? -1 : now - streak.healthySince));
    const healthyMs = Math.min(...healthy);
    if (healthyMs < settings.healthyBeforeRecoveryMs) continue;
    actions.push({
      kind: 'recovered',
      incidentId,
      behind: behind.map(({ checkId, target }) => ({ checkId, target })),
      healthyMs,
      resolve: settings.autoResolve,
    });
    for (const streak of behind)
      streaks.set(streakKey(streak.checkId, streak.target), { ...streak, recoveryNoted: true });
  }
  return { streaks: [...streaks.values()], actions };
}
