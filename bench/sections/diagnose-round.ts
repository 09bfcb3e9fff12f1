import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { signedHeaders, slashCommandBody } from '../../test/slack/signed-request-client.js';
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

/** Rounds of slash commands, and the sender to stop once they are done. */
export interface DiagnoseRounds {
  round(): Promise<RoundTimes>;
  close(): Promise<void>;
}

/**
 * The sender (plain JavaScript for a worker thread): posts each signed request of a round at once
 * and answers with each one's time to its HTTP answer. Slack's request senders are not its API
 * servers: in its own thread, the ack is not timed late by the Slack double answering the bot's
 * chat.postMessage calls on the main thread at the same moment.
 */
const SENDER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ url, requests }) => {
  try {
    const acks = await Promise.all(requests.map(async ({ body, headers }) => {
      const sent = performance.now();
      const response = await fetch(url, { method: 'POST', headers, body });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error('slash command answered ' + response.status);
      return performance.now() - sent;
    }));
    parentPort.postMessage({ acks });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;

/**
 * Rounds of `concurrency` signed `/sama diagnose` sent at once from a worker thread: the ack is the
 * HTTP answer to the slash command (Slack's 3-second budget), the report the chat.update replacing
 * "diagnostic en cours…", timed from the round's start.
 */
export function diagnoseRounds(
  eventsUrl: string,
  double: SlackApiDouble,
  signingSecret: string,
  concurrency: number,
): DiagnoseRounds {
  const sender = new Worker(SENDER_SOURCE, { eval: true });
  const send = (requests: { body: string; headers: Record<string, string> }[]) =>
    new Promise<number[]>((resolve, reject) => {
      sender.once('message', (answer: { acks?: number[]; error?: string }) =>
        answer.acks ? resolve(answer.acks) : reject(new Error(answer.error)),
      );
      sender.postMessage({ url: eventsUrl, requests });
    });
  return {
    async round() {
      const before = double.callsOf('chat.update').length;
      const requests = Array.from({ length: concurrency }, () => {
        const body = slashCommandBody({
          text: 'diagnose',
          userId: BENCH_USER,
          channelId: BENCH_CHANNEL,
          responseUrl: double.responseUrl(randomUUID()),
        });
        return { body, headers: signedHeaders(body, { signingSecret }) };
      });
      const started = performance.now();
      const acks = await send(requests);
      const updates = await double.waitForCalls('chat.update', before + concurrency, 60_000);
      const reports = updates.slice(before).map((call) => call.at - started);
      return { acks, reports, roundMs: Math.max(...reports) };
    },
    async close() {
      await sender.terminate();
    },
  };
}
