import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildChecks } from '../../src/checks/build-checks.js';
import type { CheckContext, CheckId, CheckResult } from '../../src/checks/check.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { type HttpPeer, startHttpPeer } from '../support/http-peer.js';
import { contextOf, inventoryOf } from './services/service-context.js';

/**
 * A check measures its peer, not the bot's host: with the bot's event loop held for 200 ms
 * (other checks rendering, a busy machine) around the timed request, the machine's real
 * PostgreSQL and Redis and a local API still grade ok against the runbook's targets.
 */

const BLOCK_MS = 200;
let peer: HttpPeer;
let context: CheckContext;

/** Holds the event loop, as a CPU-bound neighbour or a long synchronous render would. */
function blockEventLoop(ms: number): void {
  const until = performance.now() + ms;
  let spins = 0;
  while (performance.now() < until) spins += 1;
  expect(spins).toBeGreaterThan(0);
}

beforeAll(async () => {
  peer = await startHttpPeer();
  peer.answer('/health', { status: 200, body: '{"status":"ok"}' });
  context = contextOf(
    inventoryOf({
      services: {
        postgres: { url: 'postgresql://postgres@127.0.0.1:5432/postgres' },
        redis: { url: 'redis://127.0.0.1:6379/0' },
        api: [{ name: 'api', healthUrl: `${peer.url}/health` }],
      },
    }),
  );
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await context?.clients.close();
  await peer?.close();
});

async function runOne(id: CheckId): Promise<CheckResult> {
  const [result] = (await runChecks(buildChecks([id], context.inventory), context)).results;
  if (!result) throw new Error(`no ${id} result`);
  return result;
}

describe('a check on a busy bot host', () => {
  it('postgres.ping grades the round trip, not the 200 ms the bot was held', async () => {
    await runOne('postgres.ping'); // a ready connection in the pool, as in a running bot
    const query = pg.Client.prototype.query;
    vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      if (args[0] === 'SELECT 1' && !blocked) {
        blocked = true;
        blockEventLoop(BLOCK_MS);
      }
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query);
    let blocked = false;
    const result = await runOne('postgres.ping');
    expect(blocked).toBe(true);
    expect(result.status).toBe('ok');
    expect(result.value).toBeLessThan(100);
    // The first sample carried the block; another one, on the same connection, did not.
    expect(result.data?.samples).toBeGreaterThanOrEqual(2);
    expect(result.data?.connectMs).toBeTypeOf('number');
  });

  it('redis.ping grades PING on the ready connection, not the 200 ms the bot was held', async () => {
    await runOne('redis.ping');
    const ping = Redis.prototype.ping;
    let blocked = false;
    vi.spyOn(Redis.prototype, 'ping').mockImplementation(function (this: Redis, ...args: unknown[]) {
      const sent = (ping as (...a: unknown[]) => Promise<string>).apply(this, args);
      if (!blocked) {
        blocked = true;
        blockEventLoop(BLOCK_MS); // PING is on the wire: its answer waits for the loop
      }
      return sent;
    } as typeof ping);
    const result = await runOne('redis.ping');
    expect(blocked).toBe(true);
    expect(result.status).toBe('ok');
    expect(result.value).toBeLessThan(100);
    expect(result.data?.samples).toBeGreaterThanOrEqual(2);
  });

  it('api.health stays ok against its 500 ms target when the loop is held while the request is out', async () => {
    await runOne('api.health');
    const running = runOne('api.health');
    setTimeout(() => blockEventLoop(BLOCK_MS), 0);
    const result = await running;
    expect(result.status).toBe('ok');
  });
});
