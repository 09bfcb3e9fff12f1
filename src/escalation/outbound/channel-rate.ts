import type { Redis } from 'ioredis';

/**
 * The outbound queue's name, `<namespace>-slack-outbound`, which also prefixes the per-channel
 * slots: incident messages and reports share one budget per channel.
 */
export function slackOutboundName(namespace = 'samaops'): string {
  return `${namespace}-slack-outbound`;
}

/** Thrown when a channel's slot is taken: the job is delayed by `waitMs`, not failed. */
export class ChannelBusy extends Error {
  readonly code = 'CHANNEL_BUSY';
  constructor(readonly waitMs: number) {
    super(`channel busy for ${waitMs} ms`);
  }
}

/**
 * At most one message per second per channel, across every replica: a Redis key per channel
 * that lives one interval (SET NX PX). Throws ChannelBusy with the time left when taken.
 */
export async function takeChannelSlot(
  redis: Redis,
  prefix: string,
  channel: string,
  intervalMs: number,
): Promise<void> {
  const key = `${prefix}:slack-slot:${channel}`;
  const taken = await redis.set(key, '1', 'PX', intervalMs, 'NX');
  if (taken === 'OK') return;
  const left = await redis.pttl(key);
  throw new ChannelBusy(Math.max(10, left));
}
