import { describe, expect, it } from 'vitest';
import { budgetTotals, checkConcurrencyBudget, WORKER_BUDGET } from '../../src/jobs/concurrency-budget.js';
import { queueNames } from '../../src/jobs/queue-names.js';
import { BOT_POOL_SIZE } from '../../src/store/bot-database.js';

describe('the workers’ concurrency budget', () => {
  it('holds for the bot’s pool: jobs never hold every connection while waiting for another', () => {
    const totals = checkConcurrencyBudget(BOT_POOL_SIZE);
    expect(totals.heldWhileWaiting).toBeLessThan(BOT_POOL_SIZE);
    expect(totals).toEqual(budgetTotals(WORKER_BUDGET));
  });

  it('refuses, naming the figures, a pool the waiting jobs could exhaust', () => {
    expect(() => checkConcurrencyBudget(4)).toThrow(/hold 4 of the bot database's 4 connections/);
    expect(() =>
      checkConcurrencyBudget(10, { alerts: { concurrency: 10, connections: 2, heldWhileWaiting: 1 } }),
    ).toThrow(/hold 10 of the bot database's 10/);
  });

  it('names every queue of the bot under one namespace', () => {
    expect(queueNames('ns')).toEqual({
      timers: 'ns-escalation-timers',
      outbound: 'ns-slack-outbound',
      pages: 'ns-pages',
      alerts: 'ns-alerts',
      watch: 'ns-watch',
      reports: 'ns-reports',
    });
    expect(Object.keys(WORKER_BUDGET).sort()).toEqual(Object.keys(queueNames()).sort());
  });
});
