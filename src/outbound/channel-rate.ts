import type { Redis } from 'ioredis';

/** Thrown when a channel's slot is taken: the job is delayed by `waitMs`, not failed. */
export class ChannelBusy extends Error {
  readonly code = 'CHANNEL_BUSY';
  constructor(readonly waitMs: number) {
    super(`channel busy for ${waitMs} ms`);
  }
}

/**
 * Sends one message in its channel's slot, across every replica: at most one message per
 * interval per channel (Slack's ≈ 1 message/s). The slot is a Redis key taken with SET NX PX
 * (ChannelBusy with the time left when another message holds it) and held for one more interval
 * from the send's end, so two messages to one channel start at least one interval apart,
 * measured on Redis's clock, however long the send or the bot's own host took in between.
 */
export async function sendInChannelSlot<T>(
  redis: Redis,
  prefix: string,
  channel: string,
  intervalMs: number,
  send: () => Promise<T>,
): Promise<T> {
  const key = `${prefix}:slack-slot:${channel}`;
  const taken = await redis.set(key, '1', 'PX', intervalMs, 'NX');
  if (taken !== 'OK') {
    const left = await redis.pttl(key);
    throw new ChannelBusy(Math.max(10, left));
  }
  try {
    return await send();
  } finally {
    // Failed sends count too: Slack counted the attempt. If Redis is gone, the first expiry stands.
    await redis.set(key, '1', 'PX', intervalMs).catch(() => undefined);
  }
}
