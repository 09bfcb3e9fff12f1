import type { Threshold } from './check.js';

/** The fastest of a few samples, and how many were taken. */
export interface Fastest<T> {
  best: T;
  samples: number;
}

/** When to sample again. */
export interface SamplingOptions {
  /** The latency threshold the result is graded against (`above`). */
  threshold: Threshold;
  /** No new sample starts once this much time has gone, and one after the first ends by then, ms: half the check's timeout, say. */
  budgetMs: number;
  /** Default 3. */
  maxSamples?: number;
}

/**
 * Takes one sample, and more (up to `maxSamples` in all) while the fastest is in the threshold's
 * warn band. One sample also measures whatever held the bot's own event loop while the answer
 * waited (other checks, a busy host): a slow peer is slow every time, a busy bot only now and
 * then, so the fastest of three tells the two apart. A sample past `fail`, or one `latencyOf`
 * calls final (undefined: a failure, a bad status), ends the sampling. A sample after the first
 * gets what is left of the budget as its signal; cut short, it leaves the fastest so far.
 */
export async function fastestOf<T>(
  sample: (budget?: AbortSignal) => Promise<T>,
  latencyOf: (sampled: T) => number | undefined,
  { threshold, budgetMs, maxSamples = 3 }: SamplingOptions,
): Promise<Fastest<T>> {
  const started = performance.now();
  let best: { sampled: T; ms: number } | undefined;
  for (let samples = 1; ; samples += 1) {
    let sampled: T;
    if (best === undefined) {
      sampled = await sample();
    } else {
      const budget = AbortSignal.timeout(Math.max(1, Math.round(budgetMs - (performance.now() - started))));
      try {
        sampled = await sample(budget);
      } catch (error) {
        if (budget.aborted) return { best: best.sampled, samples: samples - 1 };
        throw error;
      }
    }
    const ms = latencyOf(sampled);
    if (ms === undefined) return { best: sampled, samples };
    if (best === undefined || ms < best.ms) best = { sampled, ms };
    const inWarnBand =
      best.ms > threshold.warn && (threshold.fail === undefined || best.ms <= threshold.fail);
    const spent = performance.now() - started;
    if (!inWarnBand || samples >= maxSamples || spent >= budgetMs) return { best: best.sampled, samples };
  }
}

/** How long `send` took, ms. */
export async function timed(send: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await send();
  return performance.now() - started;
}
