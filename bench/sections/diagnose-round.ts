import { randomUUID } from 'node:crypto';
import type { SignedRequestClient } from '../../test/slack/signed-request-client.js';
import type { SlackApiDouble } from '../../test/slack/slack-api-double.js';

/** Who sends the bench's slash commands, and where. */
export const BENCH_USER = 'UBENCHOPS1';
export const BENCH_CHANNEL = 'CBENCHPROD';

/** One round's figures: each request's ack, and each final report timed from the round's start. */
export interface RoundTimes {
  acks: number[];
  reports: number[];
  roundMs: number;
}

/**
 * A round of `concurrency` signed `/sama diagnose` sent at once: the ack is the HTTP answer to the
 * slash command (Slack's 3-second budget), the report the chat.update replacing "diagnostic en
 * cours…".
 */
export function diagnoseRound(
  client: SignedRequestClient,
  double: SlackApiDouble,
  signingSecret: string,
  concurrency: number,
): () => Promise<RoundTimes> {
  return async () => {
    const before = double.callsOf('chat.update').length;
    const started = performance.now();
    const acks = await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const sent = performance.now();
        const response = await client.slashCommand(
          {
            text: 'diagnose',
            userId: BENCH_USER,
            channelId: BENCH_CHANNEL,
            responseUrl: double.responseUrl(randomUUID()),
          },
          { signingSecret },
        );
        if (response.status !== 200) throw new Error(`slash command answered ${response.status}`);
        return performance.now() - sent;
      }),
    );
    const updates = await double.waitForCalls('chat.update', before + concurrency, 60_000);
    const reports = updates.slice(before).map((call) => call.at - started);
    return { acks, reports, roundMs: Math.max(...reports) };
  };
}
