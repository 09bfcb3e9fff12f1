import type { Logger } from '../../logging/logger.js';
import type { SlackHealth } from '../../outbound/slack-health.js';
import type { EscalationQueues } from '../escalation-queues.js';
import type { AfterCommit } from '../incident-steps.js';

/** The failover check fires this early at most and still counts. */
const EARLY_TOLERANCE_MS = 50;

/** What watching Slack's failures needs. */
export interface SlackOutageDeps {
  health: SlackHealth;
  queues: Pick<EscalationQueues, 'scheduleFailoverCheck' | 'enqueueAfterCommit'>;
  /** Slack answering nothing but errors this long is an outage (`notifications.failoverAfter`). */
  failoverAfterMs: number;
  /** Fails pending pages over: all of them, or the one line `only`. */
  failOver: (now: number, only?: number) => Promise<AfterCommit[]>;
  logger: Logger;
  now?: () => number;
}

/** How the outbound worker tells of Slack's failures, and how the pages worker checks on them. */
export interface SlackOutage {
  /**
   * A Slack call failed for outbox line `outboxId` (undefined: an update of the incident message);
   * `lastTry` when its job used up its retries.
   */
  failed(outboxId: number | undefined, lastTry: boolean): Promise<void>;
  /** The failover job: at the end of the window of the failing run that started at `since`. */
  check(since: number): Promise<void>;
}

/**
 * Fails pages over when Slack fails: every pending page once Slack has answered nothing but errors
 * for `failoverAfterMs` (the first failure schedules a look at the window's end, on the pages
 * queue, so that it is on time whatever the retries' backoff), and a page whose DM failed past
 * its retries at once.
 */
export function slackOutage(deps: SlackOutageDeps): SlackOutage {
  const now = () => deps.now?.() ?? Date.now();
  const failOver = async (only?: number) => {
    const afters = await deps.failOver(now(), only);
    for (const after of afters) await deps.queues.enqueueAfterCommit(after);
    if (afters.length > 0)
      deps.logger.warn(
        { incidents: afters.length, only },
        'Slack failing: pages failed over to other channels',
      );
  };
  return {
    async failed(outboxId, lastTry) {
      const at = now();
      const since = await deps.health.failed(at);
      if (at - since >= deps.failoverAfterMs) await failOver();
      else await deps.queues.scheduleFailoverCheck(since, since + deps.failoverAfterMs);
      if (lastTry && outboxId !== undefined) await failOver(outboxId);
    },
    async check(since) {
      const current = await deps.health.failingSince();
      // The run ended (Slack answered), or a later one started: that one has its own check.
      if (current === null || current > since) return;
      // A delayed job may fire a few ms early (clocks): it still counts.
      if (now() - current >= deps.failoverAfterMs - EARLY_TOLERANCE_MS) await failOver();
    },
  };
}
