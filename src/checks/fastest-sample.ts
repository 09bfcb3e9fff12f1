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
  /** No new sample starts once this much time has gone, ms: half the check's timeout, say. */
  budgetMs: number;
  /** Default 3. */
  maxSamples?: number;
}

/**
 * Takes one sample, and more (up to `maxSamples` in all) while the fastest is in the threshold's
 * warn band. One sample also measures whatever held the bot's own event loop while the answer
 * waited (other checks, a busy host): a slow peer is slow every time, a busy bot only now and
 * then, so the fastest of three tells the two apart. A sample past `fail`, one that would
 * overrun the budget, or one `latencyOf` calls final (undefined: a failure, a bad status) ends
 * the sampling: sampling again would only delay the verdict.
 */
export async function fastestOf<T>(
  sample: () => Promise<T>,
  latencyOf: (sampled: T) => number | undefined,
  { threshold, budgetMs, maxSamples = 3 }: SamplingOptions,
): Promise<Fastest<T>> {
  const started = performance.now();
  let best: { sampled: T; ms: number } | undefined;
  for (let samples = 1; ; samples += 1) {
    const sampledAt = performance.now();
    const sampled = await sample();
    const ms = latencyOf(sampled);
    if (ms === undefined) return { best: sampled, samples };
    if (best === undefined || ms < best.ms) best = { sampled, ms };
    const inWarnBand =
      best.ms > threshold.warn && (threshold.fail === undefined || best.ms <= threshold.fail);
    const spent = performance.now() - started;
    const next = performance.now() - sampledAt;
    if (!inWarnBand || samples >= maxSamples || spent + next > budgetMs)
      return { best: best.sampled, samples };
  }
}

/** How long `send` took, ms. */
export async function timed(send: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await send();
  return performance.now() - started;
}
