import type { QueueNames } from './queue-names.js';

/** What one worker of the bot may hold of the bot's PostgreSQL pool. */
export interface WorkerBudget {
  /** Jobs run at once per replica. */
  concurrency: number;
  /** Connections one job holds at its peak. */
  connections: number;
  /** Connections one job holds while it waits for another from the same pool (0: never). */
  heldWhileWaiting: number;
}

/**
 * The concurrency of every worker of the bot, against the bot's database pool (10 connections,
 * `BOT_POOL_SIZE`). Jobs beyond the pool's size wait for a connection (5 s, then they fail and are
 * retried); what must never happen is every connection held by a job that waits for another one,
 * which no job could ever release: `checkConcurrencyBudget` refuses that at start.
 */
export const WORKER_BUDGET = {
  // One transaction per step; channels and incidents are independent, so many run at once.
  timers: { concurrency: 16, connections: 1, heldWhileWaiting: 0 },
  // One transaction per message (its outbox row), Slack paced per channel.
  outbound: { concurrency: 8, connections: 1, heldWhileWaiting: 0 },
  // One transaction per page, held across the SMTP or gateway call (bounded by its timeout).
  pages: { concurrency: 4, connections: 1, heldWhileWaiting: 0 },
  // The fingerprint's advisory lock holds a connection while the job acts through another.
  alerts: { concurrency: 4, connections: 2, heldWhileWaiting: 1 },
  // One run at a time per replica: the scheduler's next tick waits for a slow run.
  watch: { concurrency: 1, connections: 1, heldWhileWaiting: 0 },
  // One report at a time keeps SSH and PostgreSQL load bounded.
  reports: { concurrency: 1, connections: 1, heldWhileWaiting: 0 },
} as const satisfies Record<keyof QueueNames, WorkerBudget>;

/** Peak connections of all workers together, and those held while waiting for another. */
export function budgetTotals(budget: Record<string, WorkerBudget> = WORKER_BUDGET): {
  peak: number;
  heldWhileWaiting: number;
} {
  const workers = Object.values(budget);
  return {
    peak: workers.reduce((sum, worker) => sum + worker.concurrency * worker.connections, 0),
    heldWhileWaiting: workers.reduce((sum, worker) => sum + worker.concurrency * worker.heldWhileWaiting, 0),
  };
}

/**
 * Throws when the workers could hold every connection of a pool of `poolSize` while waiting for
 * another (a deadlock no timeout ends cleanly); returns the totals otherwise.
 */
export function checkConcurrencyBudget(
  poolSize: number,
  budget: Record<string, WorkerBudget> = WORKER_BUDGET,
): { peak: number; heldWhileWaiting: number } {
  const totals = budgetTotals(budget);
  if (totals.heldWhileWaiting >= poolSize) {
    throw new Error(
      `worker concurrency: jobs may hold ${totals.heldWhileWaiting} of the bot database's ${poolSize} connections while waiting for another; lower a concurrency or raise the pool`,
    );
  }
  return totals;
}
