import { vi } from 'vitest';

/**
 * Default limit of a wait, ms: generous on purpose. A wait that holds returns as soon as it
 * holds, so the limit costs nothing on a quiet machine and keeps a busy one from failing a
 * test whose behaviour is right but slow to show.
 */
export const EVENTUALLY_MS = 60_000;

/**
 * Waits until `condition` holds, or fails naming `what`: the tests' one polling loop, on
 * vi.waitFor. For an event that can be awaited, await the event instead.
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
  try {
    return await vi.waitFor(
      async () => {
        const value = await probe();
        if (value === undefined) throw new Error(`still waiting for ${what}`);
        return value;
      },
      { timeout: timeoutMs, interval: 50 },
    );
  } catch (error) {
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, { cause: error });
  }
}
