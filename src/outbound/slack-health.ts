import type { Redis } from 'ioredis';

/**
 * Since when Slack has answered nothing but errors, shared by every replica (one Redis key beside
 * the outbound queue). Any answer ends the run. The key outlives the last failure by
 * `forgetAfterMs`, so that a failing run is not picked up again after a long quiet stop.
 */
export interface SlackHealth {
  /** A Slack call failed at `now`: returns the start of the failing run (`now` when it starts one). */
  failed(now: number): Promise<number>;
  /** A Slack call was answered: the failing run, if any, ends; true when one did (Slack is back). */
  answered(): Promise<boolean>;
  /** The start of the current failing run, or null while Slack answers. */
  failingSince(): Promise<number | null>;
}

/** Default time a failing run is remembered after its last failure: 10 minutes. */
const FORGET_AFTER_MS = 600_000;

export function slackHealth(redis: Redis, prefix: string, forgetAfterMs = FORGET_AFTER_MS): SlackHealth {
  const key = `${prefix}:slack-failing-since`;
  const read = async () => {
    const value = await redis.get(key);
    return value === null ? null : Number(value);
  };
  return {
    async failed(now) {
      await redis.set(key, String(now), 'PX', forgetAfterMs, 'NX');
      await redis.pexpire(key, forgetAfterMs);
      return (await read()) ?? now;
    },
    async answered() {
      return (await redis.del(key)) > 0;
    },
    failingSince: read,
  };
}
