/**
 * Holds one long-lived connection, created on first use and shared by every caller.
 * A failed attempt, or a connection reported dead through `onLost`, is forgotten so that the
 * next caller connects again: a diagnosis after an outage does not inherit a dead client.
 * `close()` never waits for an attempt still in flight (a black-holed peer would hold it for the
 * whole connect timeout): it aborts `closing`, and disposes the connection if it arrives later.
 */
export function reconnecting<T>(
  connect: (onLost: () => void, closing: AbortSignal) => Promise<T>,
  dispose: (connection: T) => Promise<void> | void,
): { get(): Promise<T>; close(): Promise<void> } {
  let current: Promise<T> | undefined;
  let settled = false;
  let settledValue: T | undefined;
  const closing = new AbortController();
  return {
    get() {
      if (closing.signal.aborted) return Promise.reject(new Error('client closed'));
      if (!current) {
        const attempt = connect(() => {
          if (current === attempt) current = undefined;
        }, closing.signal);
        current = attempt;
        settled = false;
        attempt.then(
          (value) => {
            if (current !== attempt) return;
            settled = true;
            settledValue = value;
          },
          () => {
            if (current === attempt) current = undefined;
          },
        );
      }
      return current;
    },
    async close() {
      const pending = current;
      current = undefined;
      closing.abort();
      if (!pending) return;
      if (settled && settledValue !== undefined) {
        await dispose(settledValue);
        return;
      }
      pending.then(dispose, () => undefined);
    },
  };
}
/** Rejects when `signal` aborts, so a caller stops waiting for a connection that hangs. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
