/**
 * chat.postMessage's limit per channel: "1 per second, short bursts >1 allowed"
 * (https://docs.slack.dev/apis/web-api/rate-limits, "Posting messages"). Slack does not publish
 * the burst it tolerates; the double allows `burst` messages at once, then one per
 * `1000 / perSecond` ms (a token bucket), and answers the next with 429 and `Retry-After`.
 */
export interface ChannelPaceOptions {
  /** Sustained messages per second per channel. Default 1 (Slack's). */
  perSecond?: number;
  /** Messages a quiet channel takes at once. Default 3. */
  burst?: number;
}

export class ChannelPace {
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(options: ChannelPaceOptions = {}) {
    this.perSecond = options.perSecond ?? 1;
    this.burst = options.burst ?? 3;
  }

  /** Takes a slot for one message to `channel` at `now` (ms); returns the seconds to wait when none is left. */
  take(channel: string, now: number): { ok: true } | { ok: false; retryAfter: number } {
    const bucket = this.buckets.get(channel) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    if (tokens >= 1) {
      this.buckets.set(channel, { tokens: tokens - 1, at: now });
      return { ok: true };
    }
    this.buckets.set(channel, { tokens, at: now });
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - tokens) / this.perSecond)) };
  }
}
