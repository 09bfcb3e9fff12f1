import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Inventory } from '../../src/config/schema.js';
import {
  createEscalationService,
  type EscalationOptions,
  type EscalationService,
} from '../../src/escalation/escalation-service.js';
import { createLogger } from '../../src/logging/logger.js';
import type { SlackSender } from '../../src/outbound/slack-sender.js';
import type { ChatMessage } from '../../src/render/message-model.js';
import { migrate } from '../../src/store/migrate.js';
import { TEST_CHANNEL, testInventory } from '../handlers/test-inventory.js';
import { obliterateQueues } from '../support/bot-queues.js';
import { eventually } from '../support/eventually.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';

/** One Slack call the recording sender received. */
export interface SentMessage {
  method: 'post' | 'update' | 'openDm';
  channel: string;
  text: string;
  threadTs?: string;
  at: number;
}

/** A SlackSender that records, and can fail the next calls like Slack's 429. */
export function recordingSender(): SlackSender & {
  sent: SentMessage[];
  failNext(count: number): void;
  failures: number;
} {
  const sent: SentMessage[] = [];
  let toFail = 0;
  let ts = 0;
  const textOf = (message: ChatMessage | string) =>
    typeof message === 'string' ? message : [message.title, message.summary ?? ''].join(' | ');
  const maybeFail = () => {
    if (toFail > 0) {
      toFail -= 1;
      sender.failures += 1;
      throw Object.assign(new Error('An API error occurred: ratelimited'), {
        code: 'slack_webapi_rate_limited_error',
      });
    }
  };
  const sender = {
    sent,
    failures: 0,
    failNext(count: number) {
      toFail = count;
    },
    async post(channel: string, message: ChatMessage | string, threadTs?: string) {
      maybeFail();
      ts += 1;
      sent.push({
        method: 'post' as const,
        channel,
        text: textOf(message),
        ...(threadTs ? { threadTs } : {}),
        at: Date.now(),
      });
      return { channel, ts: `1700000000.${String(ts).padStart(6, '0')}` };
    },
    async update(channel: string, _ts: string, message: ChatMessage) {
      sent.push({ method: 'update' as const, channel, text: textOf(message), at: Date.now() });
    },
    async openDm(userId: string) {
      return `D${userId}`;
    },
  };
  return sender;
}

/** Team of the integration tests: one 24/7 person per level. */
export const PEOPLE = { n1: 'UNIVEAU1', n2: 'UNIVEAU2', n3: 'UNIVEAU3', outsider: 'UOUTSIDE1' } as const;

/** A scratch database, a Redis connection, unique queue names, and services built on them. */
export interface Harness {
  inventory: Inventory;
  pool: pg.Pool;
  redis: Redis;
  sender: ReturnType<typeof recordingSender>;
  names: { timersQueue: string; outboundQueue: string; pagesQueue: string };
  start(
    options?: Partial<
      Pick<
        EscalationOptions,
        | 'workers'
        | 'reconcileEveryMs'
        | 'channelIntervalMs'
        | 'outboundAttempts'
        | 'pagers'
        | 'ackLinkFor'
        | 'failoverAfterMs'
        | 'sender'
        | 'countPage'
        | 'logger'
      >
    >,
  ): EscalationService;
  /** DMs sent to a person (their DM channel is `D` + id). */
  dmsTo(slackId: string): SentMessage[];
  close(): Promise<void>;
}

/**
 * Builds the harness with level timings in inventory syntax (`1s`, `700ms`); `inventory` replaces
 * parts of the test inventory (a team with notification rules, `notifications`).
 */
export async function startHarness(
  levels: {
    ackTimeout: string;
    repeatEvery: string;
    resolveWithin: string;
  },
  inventoryOverrides: Record<string, unknown> = {},
): Promise<Harness> {
  const database: ScratchDatabase = await createScratchDatabase('samaops_escalation');
  const pool = new pg.Pool({ connectionString: database.url, max: 20 });
  // DROP DATABASE ... WITH (FORCE) at the end terminates clients a closing worker may still hold.
  pool.on('error', () => undefined);
  await migrate(pool);
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const id = randomUUID().slice(0, 8);
  const names = {
    timersQueue: `test-esc-timers-${id}`,
    outboundQueue: `test-esc-out-${id}`,
    pagesQueue: `test-esc-pages-${id}`,
  };
  const { inventory, remove } = testInventory({
    team: [
      { slackId: PEOPLE.n1, name: 'Awa', roles: ['support_n1'] },
      { slackId: PEOPLE.n2, name: 'Moussa', roles: ['devops'] },
      { slackId: PEOPLE.n3, name: 'Fatou', roles: ['lead'] },
      { slackId: PEOPLE.outsider, name: 'Ibou', roles: ['backend'] },
    ],
    escalation: { levels: { N1: levels, N2: levels, N3: levels } },
    ...inventoryOverrides,
  });
  remove();
  const sender = recordingSender();
  const logger = createLogger({ level: 'silent' });
  const services: EscalationService[] = [];
  return {
    inventory,
    pool,
    redis,
    sender,
    names,
    start(options = {}) {
      const service = createEscalationService({
        pool,
        redis,
        sender,
        inventory,
        logger,
        ...names,
        channelIntervalMs: 50,
        ...options,
      });
      services.push(service);
      return service;
    },
    dmsTo: (slackId) => sender.sent.filter((message) => message.channel === `D${slackId}`),
    async close() {
      await Promise.allSettled(services.map((service) => service.close({ graceMs: 1000 })));
      await obliterateQueues(redis, Object.values(names), names.outboundQueue);
      redis.disconnect();
      await pool.end();
      await database.drop();
    },
  };
}

/** Waits until `condition` holds, or fails naming `what` (the shared vi.waitFor loop, generous limit). */
export const until = eventually;

export { TEST_CHANNEL };
