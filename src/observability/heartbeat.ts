import { valueWithin } from '../lifecycle/settles-within.js';
import { errorReason } from '../logging/error-reason.js';
import type { Logger } from '../logging/logger.js';

/** One of the bot's own loops, asked before each beat: true when it is healthy. */
export interface LoopProbe {
  /** Names the loop in the log when it holds the beat back, e.g. `timer-worker`. */
  name: string;
  healthy(): Promise<boolean> | boolean;
}

/** What one tick did: beat, or held back by the loops named (or the push failed). */
export type BeatOutcome =
  | { kind: 'beat'; status: number }
  | { kind: 'held'; unhealthy: string[] }
  | { kind: 'push-failed'; reason: string };

/** A running heartbeat: `tick()` runs one now (tests), `close()` stops it. */
export interface Heartbeat {
  tick(): Promise<BeatOutcome>;
  close(): void;
}

/** How the heartbeat runs. */
export interface HeartbeatOptions {
  /** The push monitor's URL (a healthchecks.io check, an Uptime Kuma push monitor): a secret, never logged. */
  url: string;
  /** Between two ticks. Default 60 s (push monitors expect a minute). */
  everyMs?: number;
  probes: readonly LoopProbe[];
  logger: Logger;
  /** Default the global fetch; the corporate proxy's when there is one. */
  fetch?: typeof globalThis.fetch;
  /** How long one probe, and the push, may take. Default 5 s. */
  timeoutMs?: number;
}

/**
 * The dead-man's switch: every `everyMs`, asks each probe, and pushes (`GET url`) only when all
 * are healthy. A bot whose loops are stuck, or that is gone, stops pushing; the monitor, outside,
 * notices the silence and alerts. A push that fails is logged and tried again at the next tick.
 */
export function startHeartbeat(options: HeartbeatOptions): Heartbeat {
  const { logger } = options;
  const timeoutMs = options.timeoutMs ?? 5000;
  const push = options.fetch ?? globalThis.fetch;
  let running: Promise<BeatOutcome> | undefined;
  const tick = async (): Promise<BeatOutcome> => {
    const verdicts = await Promise.all(
      options.probes.map(async (probe) => ({
        name: probe.name,
        healthy: (await valueWithin(Promise.resolve(probe.healthy()), timeoutMs)) === true,
      })),
    );
    const unhealthy = verdicts.filter((verdict) => !verdict.healthy).map((verdict) => verdict.name);
    if (unhealthy.length > 0) {
      logger.warn({ unhealthy }, 'heartbeat held back: a loop of the bot is not healthy');
      return { kind: 'held', unhealthy };
    }
    try {
      const response = await push(options.url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`status ${response.status}`);
      return { kind: 'beat', status: response.status };
    } catch (error) {
      const reason = errorReason(error).replaceAll(options.url, '[heartbeat url]');
      // The URL is the monitor's secret: the log names the failure only.
      logger.warn({ err: reason }, 'heartbeat push failed');
      return { kind: 'push-failed', reason };
    }
  };
  // One tick at a time: a slow push never piles up ticks.
  const once = () => {
    running ??= tick().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => void once(), options.everyMs ?? 60_000);
  timer.unref();
  return { tick: once, close: () => clearInterval(timer) };
}
