/**
 * Holds one long-lived connection, created on first use and shared by every caller.
 * A failed attempt, or a connection reported dead through `onLost`, is forgotten so that the
 * next caller connects again: a diagnosis after an outage does not inherit a dead client.
 */
export function reconnecting<T>(
  connect: (onLost: () => void) => Promise<T>,
  dispose: (connection: T) => Promise<void> | void,
): { get(): Promise<T>; close(): Promise<void> } {
  let current: Promise<T> | undefined;
  return {
    get() {
      if (!current) {
        const attempt = connect(() => {
          if (current === attempt) current = undefined;
        });
        current = attempt;
        attempt.catch(() => {
          if (current === attempt) current = undefined;
        });
      }
      return current;
    },
    async close() {
      const pending = current;
      current = undefined;
      if (!pending) return;
      const connection = await pending.catch(() => undefined);
      if (connection !== undefined) await dispose(connection);
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
