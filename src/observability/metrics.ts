import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { statusRank } from '../checks/check.js';
import type { Diagnosis } from '../checks/run-checks.js';

/** How a command or button press ended. */
export type CommandOutcome = 'ok' | 'refused' | 'usage' | 'error';

/** What the handlers and the Slack adapter report; `/metrics` exposes it in Prometheus format. */
export interface BotMetrics {
  commandHandled(command: string, outcome: CommandOutcome): void;
  /** Records each check's duration and latest status. */
  diagnosisDone(diagnosis: Diagnosis): void;
  /** A failed Slack Web API call (after the client's own retries). */
  slackApiError(method: string, code: string): void;
  registry: Registry;
}

/**
 * prom-client metrics on a registry of their own (not the global one), so that tests and
 * several bots in one process do not collide. Status gauge: 0 ok, 1 warn, 2 unknown, 3 fail.
 */
export function createMetrics(): BotMetrics {
  const registry = new Registry();
  const commands = new Counter({
    name: 'samaops_commands_handled_total',
    help: 'Slash commands and button presses handled, by sub-command and outcome',
    labelNames: ['command', 'outcome'] as const,
    registers: [registry],
  });
  const checkDuration = new Histogram({
    name: 'samaops_check_duration_seconds',
    help: 'Duration of each check run, by check id',
    labelNames: ['check'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const checkStatus = new Gauge({
    name: 'samaops_check_status',
    help: 'Latest status of each check and target: 0 ok, 1 warn, 2 unknown, 3 fail',
    labelNames: ['check', 'target'] as const,
    registers: [registry],
  });
  const slackErrors = new Counter({
    name: 'samaops_slack_api_errors_total',
    help: 'Slack Web API calls that failed, by method and error code',
    labelNames: ['method', 'code'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'samaops_process_memory_bytes',
    help: 'Memory of the bot process at scrape time (process.memoryUsage): rss, heapTotal, heapUsed, external, arrayBuffers',
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      for (const [kind, bytes] of Object.entries(process.memoryUsage())) this.set({ kind }, bytes);
    },
  });
  return {
    registry,
    commandHandled: (command, outcome) => commands.inc({ command, outcome }),
    diagnosisDone(diagnosis) {
      for (const result of diagnosis.results) {
        checkDuration.observe({ check: result.id }, result.durationMs / 1000);
        checkStatus.set({ check: result.id, target: result.target }, statusRank[result.status]);
      }
    },
    slackApiError: (method, code) => slackErrors.inc({ method, code }),
  };
}
