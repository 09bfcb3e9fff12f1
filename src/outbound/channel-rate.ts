import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Thrown when a channel's slot is taken: the job is delayed by `waitMs`, not failed. */
export class ChannelBusy extends Error {
  readonly code = 'CHANNEL_BUSY';
  constructor(readonly waitMs: number) {
    super(`channel busy for ${waitMs} ms`);
  }
}

/**
 * Takes the slot (SET NX), or answers how long to wait. KEYS: slot, waiters. ARGV: interval, the
 * waiter's id, a random number in [0, 1), now (ms). The waiters set counts the distinct jobs
 * waiting for the channel (each until its next try): with n waiting, a waiter tries again at a
 * random time spread over n/3 intervals after the slot frees. Without the spread every waiter
 * tried again as soon as the slot freed, each interval: a line of 1,000 messages (an alert storm
 * at one message a second) cost about 1,000 tries a second, each a database transaction and
 * queue moves; now about 3 tries an interval, whatever the line's length, at some cost in order.
 */
const TAKE_OR_WAIT = `
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then
  redis.call('ZREM', KEYS[2], ARGV[2])
  return -1
end
local interval = tonumber(ARGV[1])
local now = tonumber(ARGV[4])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then left = 0 end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local waiting = redis.call('ZCARD', KEYS[2]) + 1
local wait = left + math.floor(tonumber(ARGV[3]) * waiting * interval / 3)
redis.call('ZADD', KEYS[2], now + wait + interval, ARGV[2])
redis.call('PEXPIRE', KEYS[2], wait + 2 * interval)
return wait
`;

/**
 * Sends one message in its channel's slot, across every replica: at most one message per
 * interval per channel (Slack's ≈ 1 message/s). The slot is a Redis key taken with SET NX PX
 * (ChannelBusy with how long to wait when another message holds it: the time left, spread by the
 * number of messages waiting, TAKE_OR_WAIT) and held for one more interval from the send's end, so
 * two messages to one channel start at least one interval apart, measured on Redis's clock,
 * however long the send or the bot's own host took in between. `waiter` names the message (its
 * job id) among those waiting for the channel.
 */
export async function sendInChannelSlot<T>(
  redis: Redis,
  prefix: string,
  channel: string,
  intervalMs: number,
  send: () => Promise<T>,
  waiter: string = randomUUID(),
): Promise<T> {
  const key = `${prefix}:slack-slot:${channel}`;
  const waiters = `${prefix}:slack-waiters:${channel}`;
  const answer = Number(
    await redis.eval(TAKE_OR_WAIT, 2, key, waiters, intervalMs, waiter, Math.random(), Date.now()),
  );
  if (answer !== -1) throw new ChannelBusy(Math.max(10, answer));
  try {
    return await send();
  } finally {
    // Failed sends count too: Slack counted the attempt. If Redis is gone, the first expiry stands.
    await redis.set(key, '1', 'PX', intervalMs).catch(() => undefined);
  }
}
