/**
 * Default limit of a wait, ms: generous on purpose. A wait that holds returns as soon as it
 * holds, so the limit costs nothing on a quiet machine and keeps a busy one from failing a
 * test whose behaviour is right but slow to show.
 */
export const EVENTUALLY_MS = 60_000;

/** How often a wait asks again, ms. */
const POLL_MS = 50;

/**
 * Waits until `condition` holds, or fails naming `what`: the tests' one polling loop (plain
 * timers, so the bench and the lab's scripts use it outside vitest too). For an event that can be
 * awaited, await the event instead.
 */
export async function eventually(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = EVENTUALLY_MS,
): Promise<void> {
  await eventuallyValue(what, async () => ((await condition()) ? true : undefined), timeoutMs);
}

/** Waits until `probe` returns something other than undefined, and returns it. */
export async function eventuallyValue<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = EVENTUALLY_MS,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      lastError = undefined;
    } catch (error) {
      // A probe that throws (a service still starting) is asked again, as one that says "not yet".
      lastError = error;
    }
    if (performance.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, {
        cause: lastError ?? new Error(`still waiting for ${what}`),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
