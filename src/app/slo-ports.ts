import type pg from 'pg';
import type { Inventory } from '../config/schema.js';
import { sloBudgetSource } from '../escalation/postmortem/slo-budget-figures.js';
import type { HandlerServices } from '../handlers/handler-context.js';
import { sloChartSource } from '../reports/charts/slo-chart-figures.js';

/**
 * The SLO figures the report charts and the post-mortem drafts read, over the watch's per-minute
 * series in the bot's database; none without the database (those parts then say "not available").
 */
export function sloPorts(pool: pg.Pool | undefined, inventory: Inventory): HandlerServices['slo'] {
  if (!pool) return undefined;
  const objectives = inventory.slo.services;
  return {
    charts: sloChartSource(pool, objectives, inventory.timezone),
    budget: sloBudgetSource(pool, objectives, inventory.timezone, inventory.locale),
  };
}
