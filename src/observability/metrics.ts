import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { statusRank } from '../checks/check.js';
import type { Diagnosis } from '../checks/run-checks.js';
import { valueWithin } from '../lifecycle/settles-within.js';

/** How a command or button press ended. */
export type CommandOutcome = 'ok' | 'refused' | 'usage' | 'error';

/** What the handlers and the Slack adapter report; `/metrics` exposes it in Prometheus format. */
export interface BotMetrics {
  commandHandled(command: string, outcome: CommandOutcome): void;
  /** Records each check's duration and latest status. */
  diagnosisDone(diagnosis: Diagnosis): void;
  /** A failed Slack Web API call (after the client's own retries). */
  slackApiError(method: string, code: string): void;
  /** Alerts taken by the intake endpoints (before they are queued), by sender. */
  alertsReceived(source: AlertSource, count: number): void;
  /** A page on one channel ended so (`sent`, `failed`, `cancelled`, `failed-over`): issue 17. */
  pageSent(channel: string, outcome: string): void;
  registry: Registry;
}

/** The alert senders the intake takes (`/alerts/<source>`). */
export type AlertSource = 'alertmanager' | 'grafana';

/**
 * Gauges read at scrape time from the bot's database (shared by the replicas). A source that fails
 * or is slow leaves the gauge at its last value: `/metrics` answers whatever the store does.
 */
export interface MetricSources {
  /** Age of the oldest page not yet delivered, ms (0: none waiting). */
  outboxOldestPendingMs?: () => Promise<number>;
  /** When the watch last ran to the end on any replica, epoch ms, or null when never. */
  watchSucceededAt?: () => Promise<number | null>;
}

/** What a scrape waits for one source at most. */
const SOURCE_TIMEOUT_MS = 1000;

/**
 * prom-client metrics on a registry of their own (not the global one), so that tests and
 * several bots in one process do not collide. Status gauge: 0 ok, 1 warn, 2 unknown, 3 fail.
 */
export function createMetrics(sources: MetricSources = {}): BotMetrics {
  const registry = new Registry();
  // Node's own: CPU, memory, event-loop lag, handles, GC (`process_*`, `nodejs_*`).
  collectDefaultMetrics({ register: registry });
  sourceGauges(registry, sources);
  const alerts = new Counter({
    name: 'samaops_alerts_received_total',
    help: 'Alerts received by the intake endpoints, by sender',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  for (const source of ['alertmanager', 'grafana'] as const) alerts.inc({ source }, 0);
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
  const pages = new Counter({
    name: 'samaops_pages_sent_total',
    help: 'Pages by channel (slack, email, sms, voice) and outcome (sent, failed, cancelled, failed-over)',
    labelNames: ['channel', 'outcome'] as const,
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
    alertsReceived: (source, count) => alerts.inc({ source }, count),
    pageSent: (channel, outcome) => pages.inc({ channel, outcome }),
  };
}

/** The outbox and watch gauges, each read from its source at scrape time (bounded). */
function sourceGauges(registry: Registry, sources: MetricSources): void {
  const { outboxOldestPendingMs, watchSucceededAt } = sources;
  new Gauge({
    name: 'samaops_outbox_oldest_pending_seconds',
    help: 'Age of the oldest incident message not yet delivered (0 when none waits)',
    registers: [registry],
    async collect() {
      const ms = outboxOldestPendingMs && (await valueWithin(outboxOldestPendingMs(), SOURCE_TIMEOUT_MS));
      if (typeof ms === 'number') this.set(ms / 1000);
    },
  });
  new Gauge({
    name: 'samaops_watch_last_success_timestamp_seconds',
    help: 'When the watch last ran to the end on any replica, Unix seconds (0: never)',
    registers: [registry],
    async collect() {
      const at = watchSucceededAt && (await valueWithin(watchSucceededAt(), SOURCE_TIMEOUT_MS));
      if (typeof at === 'number') this.set(at / 1000);
    },
  });
}
