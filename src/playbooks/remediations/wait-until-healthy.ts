import type { HttpClient } from '../../platform/http-client.js';

/** How often /health is polled while waiting. */
const POLL_MS = 250;

/** What waiting for an instance's /health found. */
export type HealthWait =
  | { healthy: true; afterMs: number; status: number }
  | { healthy: false; afterMs: number; last: string };

/**
 * Polls `url` until it answers 2xx or `timeoutMs` passes. Each probe is bounded by the time left,
 * so a hung instance cannot stretch the wait; `signal` (shutdown) ends it at once.
 */
export async function waitUntilHealthy(
  http: HttpClient,
  url: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<HealthWait> {
  const started = performance.now();
  const deadline = started + timeoutMs;
  // What the last probe got (`HTTP 503`, a raw error), or a dash before any answer.
  let last = '—';
  for (;;) {
    signal.throwIfAborted();
    const left = deadline - performance.now();
    if (left <= 0) return { healthy: false, afterMs: Math.round(performance.now() - started), last };
    try {
      const answer = await http.get(url, {
        signal: AbortSignal.any([signal, AbortSignal.timeout(Math.max(1, Math.min(left, 2000)))]),
        maxBytes: 1024,
      });
      if (answer.status >= 200 && answer.status < 300) {
        return { healthy: true, afterMs: Math.round(performance.now() - started), status: answer.status };
      }
      last = `HTTP ${answer.status}`;
    } catch (error) {
      signal.throwIfAborted();
      last = error instanceof Error ? error.message : String(error);
    }
    await pause(Math.min(POLL_MS, Math.max(0, deadline - performance.now())), signal);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
