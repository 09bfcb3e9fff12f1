import amqp from 'amqplib';
import { buildChecks } from '../../src/checks/build-checks.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { loadInventory } from '../../src/config/load-inventory.js';
import type { Inventory } from '../../src/config/schema.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { diagnosePlaybooks } from '../../src/playbooks/diagnose-playbooks.js';
import { startBlackHole } from '../../test/support/black-hole.js';
import type { BenchRow } from '../bench-row.js';
import { round1, summarise } from '../stats.js';

const WARM_RUNS = 50;
const COLD_RUNS = 20;
const BLACK_HOLE_RUNS = 10;
const BLACK_HOLE_TIMEOUT_MS = 1000;

/**
 * Issue 2: `diagnose all` against config/local.yml (this machine's PostgreSQL, Redis, RabbitMQ),
 * warm (clients reused, as the bot runs) and cold (clients created per run, as one CLI call),
 * then with Redis black-holed (accepts TCP, never answers): the run must cost the timeout, no more.
 */
export async function diagnoseLocal(): Promise<BenchRow[]> {
  const inventory = loadInventory('config/local.yml');
  await declareQueues(inventory);

  const warm = await timeRuns(inventory, WARM_RUNS, true);
  const cold = await timeRuns(inventory, COLD_RUNS, false);

  const hole = await startBlackHole();
  const holed: Inventory = {
    ...inventory,
    checkTimeoutMs: BLACK_HOLE_TIMEOUT_MS,
    services: { ...inventory.services, redis: { url: `redis://127.0.0.1:${hole.port}` } },
  };
  const blackHoled = await timeRuns(holed, BLACK_HOLE_RUNS, false);
  await hole.close();

  const section = 'diagnose all (local services)';
  return [
    row(section, `warm median (${warm.checks} checks, n=${WARM_RUNS})`, warm.summary.median, '< 300', warm),
    row(section, 'warm p95', warm.summary.p95, undefined, warm),
    row(section, `cold median (new clients, n=${COLD_RUNS})`, cold.summary.median, undefined, cold),
    row(section, 'cold p95', cold.summary.p95, undefined, cold),
    row(
      section,
      `Redis black-holed, max (timeout ${BLACK_HOLE_TIMEOUT_MS} ms, n=${BLACK_HOLE_RUNS})`,
      blackHoled.summary.max,
      `<= ${BLACK_HOLE_TIMEOUT_MS + 150}`,
      blackHoled,
    ),
    row(section, 'Redis black-holed, clients.close() max', blackHoled.close.max, undefined, blackHoled),
  ];
}

function row(
  section: string,
  measure: string,
  value: number,
  goal: string | undefined,
  run: { summary: ReturnType<typeof summarise>; statuses: Record<string, number> },
): BenchRow {
  const limit = goal ? Number(goal.replace(/[^0-9.]/g, '')) : undefined;
  return {
    section,
    measure,
    value: round1(value),
    unit: 'ms',
    ...(goal
      ? { goal: `${goal} ms`, met: goal.startsWith('<=') ? value <= (limit ?? 0) : value < (limit ?? 0) }
      : {}),
    details: { ...run.summary, statuses: run.statuses },
  };
}

async function timeRuns(inventory: Inventory, runs: number, reuseClients: boolean) {
  const checks = buildChecks(diagnosePlaybooks.all.checks, inventory);
  const shared = reuseClients ? createPlatformClients(inventory, silentLogger()) : undefined;
  if (shared) for (let i = 0; i < 5; i += 1) await runChecks(checks, { inventory, clients: shared });
  const samples: number[] = [];
  const closeSamples: number[] = [];
  const statuses: Record<string, number> = {};
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const clients = shared ?? createPlatformClients(inventory, silentLogger());
    const diagnosis = await runChecks(checks, { inventory, clients });
    samples.push(performance.now() - started);
    if (!shared) {
      const closing = performance.now();
      await clients.close();
      closeSamples.push(performance.now() - closing);
    }
    statuses[diagnosis.status] = (statuses[diagnosis.status] ?? 0) + 1;
  }
  await shared?.close();
  return { summary: summarise(samples), close: summarise(closeSamples), statuses, checks: checks.length };
}

/** The four Celery queues must exist for the healthy baseline (a missing queue is a failure). */
async function declareQueues(inventory: Inventory): Promise<void> {
  const rabbitmq = inventory.services.rabbitmq;
  if (!rabbitmq) return;
  const connection = await amqp.connect(rabbitmq.url);
  const channel = await connection.createChannel();
  for (const queue of rabbitmq.queues) await channel.assertQueue(queue, { durable: true });
  await connection.close();
}
