import { explainError } from '../i18n/explain-error.js';
import { msg } from '../i18n/message.js';
import {
  type Check,
  type CheckContext,
  type CheckOutcome,
  type CheckResult,
  type CheckStatus,
  worstStatus,
} from './check.js';
import type { RunProgress } from './run-progress.js';
import { isUnreachable, unreachable } from './unreachable.js';

/** The result of running a set of checks together. */
export interface Diagnosis {
  status: CheckStatus;
  startedAt: Date;
  durationMs: number;
  results: CheckResult[];
}

export interface RunChecksOptions {
  /** Each check's own budget, ms. Default: the inventory's checkTimeoutMs (3000). */
  timeoutMs?: number;
  /** Aborts every check still running (e.g. shutdown). */
  signal?: AbortSignal;
  /** Told as each check starts and ends (the CLI's progress line). Default none. */
  progress?: RunProgress;
}

/**
 * Runs all checks concurrently, each under its own timeout: a hung target costs its timeout and
 * nothing more, a check that throws becomes `fail` with the reason, and this never rejects.
 */
export async function runChecks(
  checks: readonly Check[],
  context: CheckContext,
  options: RunChecksOptions = {},
): Promise<Diagnosis> {
  const startedAt = new Date();
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? context.inventory.checkTimeoutMs;
  const results = await Promise.all(
    checks.map(async (check) => {
      const key = `${check.id}@${check.target}`;
      options.progress?.started(key, key);
      try {
        return await runOne(check, context, timeoutMs, options.signal);
      } finally {
        options.progress?.finished(key);
      }
    }),
  );
  return {
    status: worstStatus(results.map((result) => result.status)),
    startedAt,
    durationMs: Math.round(performance.now() - started),
    results,
  };
}

async function runOne(
  check: Check,
  context: CheckContext,
  timeoutMs: number,
  outer?: AbortSignal,
): Promise<CheckResult> {
  const started = performance.now();
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`timeout after ${timeoutMs} ms`));
      resolve({
        status: check.onTimeout ?? 'unknown',
        value: null,
        threshold: null,
        detail: msg('check.timeout', { ms: timeoutMs }),
      });
    }, timeoutMs);
  });
  let outcome: CheckOutcome;
  try {
    outcome = await Promise.race([check.run(context, controller.signal), timedOut]);
  } catch (error) {
    // One place decides how an error reads: unreachable services alike, whatever client threw it.
    outcome = isUnreachable(error)
      ? unreachable(error)
      : {
          status: 'fail',
          value: null,
          threshold: null,
          detail: msg('check.crashed', { reason: explainError(error) }),
        };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
    // A check that lost the race keeps running in the background; aborting tells it to stop.
    controller.abort();
  }
  return {
    ...outcome,
    id: check.id,
    target: check.target,
    title: check.title,
    durationMs: Math.round(performance.now() - started),
  };
}
