import type { Logger } from '../../logging/logger.js';
import type { SlackHealth } from '../../outbound/slack-health.js';
import type { EscalationQueues } from '../escalation-queues.js';
import type { AfterCommit } from '../incident-steps.js';

/** The failover check fires this early at most and still counts. */
const EARLY_TOLERANCE_MS = 50;

/** What watching Slack's failures needs. */
export interface SlackOutageDeps {
  health: SlackHealth;
  queues: Pick<EscalationQueues, 'scheduleFailoverCheck' | 'enqueueAfterCommit' | 'retrySlackNow'>;
  /** Slack answering nothing but errors this long is an outage (`notifications.failoverAfter`). */
  failoverAfterMs: number;
  /** Fails pending pages over: all of them, or the one line `only`. */
  failOver: (now: number, only?: number) => Promise<AfterCommit[]>;
  logger: Logger;
  now?: () => number;
}

/** How the outbound worker tells of Slack's answers and failures, and how the pages worker checks on them. */
export interface SlackOutage {
  /**
   * A Slack call failed for outbox line `outboxId` (undefined: an update of the incident message);
   * `lastTry` when its job used up its retries.
   */
  failed(outboxId: number | undefined, lastTry: boolean): Promise<void>;
  /** A Slack delivery went through (committed): after an outage, what waited for Slack goes now. */
  answered(): Promise<void>;
  /** A look at Slack at the end of a window of the failing run that started at `since`. */
  check(since: number): Promise<void>;
  /**
   * A step wrote pages (committed): while Slack is down, its Slack DMs due now go by the next
   * channels at once, without waiting their turn behind the Slack deliveries being retried.
   */
  paged(after: AfterCommit): Promise<void>;
}

/** Slack deliveries retried at each look while Slack is down: a few probes, not the whole backlog. */
const PROBES = 5;

/**
 * Fails pages over when Slack fails: a page whose DM failed past its retries at once, and every
 * pending page once Slack has answered nothing but errors for `failoverAfterMs`. The run's first
 * failure schedules a look at the window's end on the pages queue, so that the failover is on time
 * whatever the retries' backoff; while Slack keeps failing, each look fails over what is new,
 * retries a few Slack deliveries now (they find out whether Slack is back) and schedules the
 * next. The first delivery that goes through ends the run and sends everything that waited (the
 * thread catches up). A page written while Slack is down goes by the next channels at once.
 */
export function slackOutage(deps: SlackOutageDeps): SlackOutage {
  const now = () => deps.now?.() ?? Date.now();
  const window = deps.failoverAfterMs;
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
      if (at - since >= window) await failOver();
      else await deps.queues.scheduleFailoverCheck(since, since + window);
      if (lastTry && outboxId !== undefined) await failOver(outboxId);
    },
    async answered() {
      if (!(await deps.health.answered())) return;
      deps.logger.info('Slack answers again: the deliveries that waited for it go now');
      await deps.queues.retrySlackNow();
    },
    async check(since) {
      const current = await deps.health.failingSince();
      // Slack answered (the run ended), or a later run started: that one has its own looks.
      if (current === null || current > since) return;
      const at = now();
      if (at - current < window - EARLY_TOLERANCE_MS) return;
      await failOver();
      await deps.queues.retrySlackNow(PROBES);
      await deps.queues.scheduleFailoverCheck(since, at + window);
    },
    async paged(after) {
      const at = now();
      const dms = after.outbox.filter((job) => job.kind === 'dm' && (job.sendAfter ?? 0) <= at);
      if (dms.length === 0) return;
      const since = await deps.health.failingSince();
      if (since === null || at - since < window) return;
      for (const dm of dms) await failOver(dm.id);
    },
  };
}
