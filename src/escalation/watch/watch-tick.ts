import type pg from 'pg';
import type { CheckResult } from '../../checks/check.js';
import type { EscalationPolicy } from '../../config/escalation-policy-schema.js';
import { inTransaction } from '../../store/in-transaction.js';
import { linkStreak, lockStreaks, readStreaks, saveStreaks } from '../../store/watch/watch-streaks.js';
import type { Level } from '../engine/policy-snapshot.js';
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

/**
 * Feeds one run's results to the flap guard: folds them into the shared streaks under a lock (one
 * transaction), then opens, joins or raises the incidents it asks for and notes recoveries. A
 * crash between the two leaves the streak unlinked: the next run asks again and the dedup key
 * joins the incident already open, so nothing opens twice.
 */
export async function watchTick(
  deps: {
    pool: pg.Pool;
    service: Pick<EscalationService, 'open' | 'act' | 'note'>;
    policy: Pick<EscalationPolicy, 'autoOpen' | 'watch'>;
  },
  results: readonly CheckResult[],
  source: string,
  now: number = Date.now(),
): Promise<WatchTickOutcome> {
  const { pool, service, policy } = deps;
  const actions: WatchAction[] = await inTransaction(pool, async (client) => {
    await lockStreaks(client);
    const previous = await readStreaks(client);
    const next = advanceWatch(guardSettings(policy.watch), policy.autoOpen, results, previous, now);
    await saveStreaks(client, next.streaks, now);
    return next.actions;
  });
  const outcome: WatchTickOutcome = { opened: [], joined: [], raised: [], recovered: [], resolved: [] };
  for (const action of actions) {
    switch (action.kind) {
      case 'open': {
        const { request } = action;
        const opened = await service.open({
          dedupKey: request.dedupKey,
          title: `${request.checkId} · ${request.target}`,
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
        await linkStreak(pool, request, id, request.level);
        break;
      }
      case 'recovered': {
        const noted = await service.note(action.incidentId, (level) => [
          {
            type: 'recovered',
            level,
            checks: `${action.checkId} · ${action.target}`,
            healthyMs: action.healthyMs,
          },
        ]);
        if (noted) outcome.recovered.push(action.incidentId);
        if (noted && action.resolve) {
          const step = await service.act(action.incidentId, { kind: 'resolve', by: WATCH_ACTOR });
          if (step.kind === 'applied') outcome.resolved.push(action.incidentId);
        }
        break;
      }
    }
  }
  return outcome;
}
