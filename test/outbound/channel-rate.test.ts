import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ChannelBusy, sendInChannelSlot } from '../../src/outbound/channel-rate.js';

const redis = new Redis('redis://127.0.0.1:6379');
afterAll(() => redis.quit());

/** One message's delivery as the outbound worker runs it: try, and on ChannelBusy wait as told. */
async function deliver(
  prefix: string,
  id: string,
  intervalMs: number,
  sends: number[],
  tries: { n: number },
) {
  for (;;) {
    tries.n += 1;
    try {
      return await sendInChannelSlot(
        redis,
        prefix,
        'CLINE',
        intervalMs,
        async () => sends.push(Date.now()),
        id,
      );
    } catch (error) {
      if (!(error instanceof ChannelBusy)) throw error;
      await sleep(error.waitMs);
    }
  }
}

describe('channel slot', () => {
  it('a line of waiting messages costs a few tries per interval, not one per message per interval', async () => {
    const prefix = `test-rate-${randomUUID().slice(0, 8)}`;
    const intervalMs = 40;
    const messages = 40;
    const sends: number[] = [];
    const tries = { n: 0 };
    await Promise.all(
      Array.from({ length: messages }, (_, index) => deliver(prefix, `m${index}`, intervalMs, sends, tries)),
    );
    expect(sends).toHaveLength(messages);
    // One message per interval at most, across all of them.
    const ordered = [...sends].sort((a, b) => a - b);
    const gaps = ordered.slice(1).map((at, index) => at - (ordered[index] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(intervalMs - 1);
    // Every waiter trying again each time the slot frees would take about messages²/2 tries
    // (800 here); spread by the number waiting, about three an interval.
    expect(tries.n).toBeLessThan((messages * messages) / 4);
    await redis.del(`${prefix}:slack-slot:CLINE`, `${prefix}:slack-waiters:CLINE`);
  });
});
