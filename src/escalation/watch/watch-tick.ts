import type pg from 'pg';
import type { EscalationPolicy } from '../../config/escalation-policy-schema.js';
import type { Level } from '../../core/escalation/policy-snapshot.js';
import { inClientTransaction } from '../../store/in-transaction.js';
import {
  linkStreak,
  markRecoveryNoted,
  readStreaks,
  saveStreaks,
  withWatchLock,
} from '../../store/watch/watch-streaks.js';
import { type IncidentRequest, incidentTitle, type WatchObservation } from '../auto-open.js';
import type { EscalationService } from '../escalation-service.js';
import { raiseLevel } from '../raise-level.js';
import { advanceWatch, type GuardSettings, type WatchAction } from './flap-guard.js';

/** What one watch run did: incidents opened, joined (and maybe raised), recoveries noted or resolved. */
export interface WatchTickOutcome {
  opened: number[];
  joined: number[];
  raised: Array<{ incidentId: number; to: Level }>;
  recovered: number[];
  resolved: number[];
}

/** Who the watch acts as in timelines. */
export const WATCH_ACTOR = 'samaops';

/** The guard settings of the inventory's `escalation.watch`. */
export function guardSettings(watch: EscalationPolicy['watch']): GuardSettings {
  return {
    failuresBeforeOpen: watch.failuresBeforeOpen,
    healthyBeforeRecoveryMs: watch.healthyBeforeRecovery,
    autoResolve: watch.autoResolve,
  };
}

export interface WatchTickDeps {
  pool: pg.Pool;
  service: Pick<EscalationService, 'open' | 'act' | 'note'>;
  policy: Pick<EscalationPolicy, 'autoOpen' | 'watch'>;
  onError?: (error: unknown, action: WatchAction) => void;
  /** The title of an incident the watch opens. Default: the check and its failing targets (incidentTitle). */
  titleOf?: (request: IncidentRequest) => string;
}

/**
 * Feeds one run's results to the flap guard: folds them into the shared streaks (one
 * transaction), then opens, joins or raises the incidents it asks for and notes recoveries, all
 * under the watch lock, so another replica's run sees this one's links and asks nothing twice. Each
 * action stands alone: one that fails is logged through `onError` and the others still run. A
 * crash between the two steps leaves a streak unlinked: the next run asks again and the dedup key
 * joins the incident already open, so nothing opens twice. A recovery that could not be noted is
 * unmarked, so the next run notes it (a crash in between can lose it; never a relapse).
 */
export async function watchTick(
  deps: WatchTickDeps,
  results: readonly WatchObservation[],
  source: string,
  now: number = Date.now(),
): Promise<WatchTickOutcome> {
  const { pool, policy } = deps;
  return withWatchLock(pool, async (lockClient) => {
    const actions = await inClientTransaction(lockClient, async (client) => {
      const previous = await readStreaks(client);
      const next = advanceWatch(guardSettings(policy.watch), policy.autoOpen, results, previous, now);
      await saveStreaks(client, next.streaks, now);
      return next.actions;
    });
    const outcome: WatchTickOutcome = { opened: [], joined: [], raised: [], recovered: [], resolved: [] };
    for (const action of actions) {
      try {
        await performAction(deps, action, source, outcome);
      } catch (error) {
        deps.onError?.(error, action);
      }
    }
    return outcome;
  });
}

/** One action of the flap guard: open, join or raise an incident and link its streaks, or note a recovery. */
async function performAction(
  deps: WatchTickDeps,
  action: WatchAction,
  source: string,
  outcome: WatchTickOutcome,
): Promise<void> {
  const { pool, service } = deps;
  switch (action.kind) {
    case 'open': {
      const { request } = action;
      const opened = await service.open({
        dedupKey: request.dedupKey,
        title: (deps.titleOf ?? incidentTitle)(request),
        source,
        level: request.level,
        by: WATCH_ACTOR,
      });
      const id = opened.incident.id;
      (opened.kind === 'opened' ? outcome.opened : outcome.joined).push(id);
      if (opened.kind === 'joined') {
        const from = opened.incident.state.level;
        const level = await raiseLevel(service, id, from, request.level, WATCH_ACTOR);
        if (level !== from) outcome.raised.push({ incidentId: id, to: level });
      }
      for (const target of request.targets)
        await linkStreak(pool, { checkId: request.checkId, target }, id, request.level);
      return;
    }
    case 'recovered': {
      let noted = false;
      try {
        noted = await service.note(action.incidentId, (level) => [
          {
            type: 'recovered',
            level,
            checks: action.behind.map(({ checkId, target }) => `${checkId} · ${target}`).join(', '),
            healthyMs: action.healthyMs,
            ...(action.resolve ? { autoResolve: true } : {}),
          },
        ]);
        if (noted) outcome.recovered.push(action.incidentId);
      } catch (error) {
        // Not noted: clear the mark, the next run notes it. Once noted, it stays (no second line).
        await markRecoveryNoted(pool, action.behind, false);
        throw error;
      }
      if (noted && action.resolve) {
        const step = await service.act(action.incidentId, { kind: 'resolve', by: WATCH_ACTOR });
        if (step.kind === 'applied') outcome.resolved.push(action.incidentId);
      }
      return;
    }
  }
}
