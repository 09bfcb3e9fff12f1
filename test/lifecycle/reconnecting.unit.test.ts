import { describe, expect, it } from 'vitest';
import { reconnecting } from '../../src/lifecycle/reconnecting.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('reconnecting', () => {
  it('shares one connection between callers and connects again after it is lost', async () => {
    let connects = 0;
    let lose: () => void = () => undefined;
    const holder = reconnecting(
      async (onLost) => {
        connects += 1;
        lose = onLost;
        return { id: connects };
      },
      () => undefined,
    );
    const [a, b] = await Promise.all([holder.get(), holder.get()]);
    expect(a).toBe(b);
    lose();
    expect(await holder.get()).toEqual({ id: 2 });
  });

  it('forgets a failed attempt so that the next caller retries', async () => {
    let attempt = 0;
    const holder = reconnecting(
      async () => {
        attempt += 1;
        if (attempt === 1) throw new Error('refused');
        return 'up';
      },
      () => undefined,
    );
    await expect(holder.get()).rejects.toThrow('refused');
    expect(await holder.get()).toBe('up');
  });

  it('closes without waiting for an attempt in flight, aborts it, and disposes it if it arrives later', async () => {
    const pending = deferred<string>();
    const disposed: string[] = [];
    let closingSignal: AbortSignal | undefined;
    const holder = reconnecting(
      (_onLost, closing) => {
        closingSignal = closing;
        return pending.promise;
      },
      (connection) => {
        disposed.push(connection);
      },
    );
    void holder.get();
    await holder.close(); // would hang forever if close awaited the attempt
    expect(closingSignal?.aborted).toBe(true);
    expect(disposed).toEqual([]);
    pending.resolve('late connection');
    await pending.promise;
    await Promise.resolve();
    expect(disposed).toEqual(['late connection']);
    await expect(holder.get()).rejects.toThrow('client closed');
  });

  it('disposes an established connection on close', async () => {
    const disposed: string[] = [];
    const holder = reconnecting(
      async () => 'conn',
      (connection) => {
        disposed.push(connection);
      },
    );
    await holder.get();
    await holder.close();
    expect(disposed).toEqual(['conn']);
  });
});
