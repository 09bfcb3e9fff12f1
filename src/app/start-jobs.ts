import type { webApi } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { Inventory } from '../config/schema.js';
import type { AckLinkFor } from '../core/escalation/ack-link-token.js';
import { createEscalationService, type EscalationService } from '../escalation/escalation-service.js';
import type { IntakeSource } from '../escalation/intake/intake-routes.js';
import { type RunningIntake, startIntake } from '../escalation/intake/start-intake.js';
import type { PageCounter } from '../escalation/pages/page-counter.js';
import { feedFlapGuard } from '../escalation/watch/feed-flap-guard.js';
import { feedSlo } from '../escalation/watch/feed-slo.js';
import { type RunningWatch, startWatch } from '../escalation/watch/start-watch.js';
import { checkConcurrencyBudget } from '../jobs/concurrency-budget.js';
import { openJobConnection } from '../jobs/job-connection.js';
import { type QueueNames, queueNames } from '../jobs/queue-names.js';
import type { Logger } from '../logging/logger.js';
import type { Pagers } from '../outbound/pagers.js';
import { type SlackSender, webClientSender } from '../outbound/slack-sender.js';
import type { UserLocales } from '../outbound/user-locales.js';
import type { PlatformClients } from '../platform/platform-clients.js';
import type { SharedDiagnoses } from '../playbooks/shared-diagnoses.js';
import type { SloChartSource } from '../reports/charts/slo-chart-source.js';
import { type StartedReports, startReports } from '../reports/start-reports.js';
import { BOT_POOL_SIZE } from '../store/bot-database.js';
import { markLoopSuccess } from '../store/loops/loop-marks.js';

/** The bot's one BullMQ connection and its queue names, or nothing without REDIS_URL and DATABASE_URL. */
export interface BotJobs {
  connection: Redis;
  names: QueueNames;
  pool: pg.Pool;
}

/**
 * Opens the bot's jobs when both the bot's database and its Redis are configured, after checking
 * the workers' concurrency against the pool. Without them, incidents commands say what is missing.
 */
export function openBotJobs(
  env: NodeJS.ProcessEnv,
  pool: pg.Pool | undefined,
  logger: Logger,
): BotJobs | undefined {
  if (!env.REDIS_URL || !pool) {
    logger.warn('incidents disabled: DATABASE_URL and REDIS_URL are both needed');
    return undefined;
  }
  checkConcurrencyBudget(pool.options.max ?? BOT_POOL_SIZE);
  return {
    connection: openJobConnection(env.REDIS_URL, logger),
    names: queueNames(env.SAMAOPS_QUEUE_NAMESPACE),
    pool,
  };
}

/** What the features need to start their workers. */
export interface FeatureDeps {
  jobs: BotJobs;
  inventory: Inventory;
  logger: Logger;
  slackClient: () => webApi.WebClient | undefined;
  /** Each person's Slack language, for DMs; absent: the inventory's. */
  userLocales?: UserLocales | undefined;
}

/** How pages leave besides the outbound worker's Slack: the pagers, the ack links, the counter. */
export interface PagingParts {
  /** Default Slack's WebClient. */
  sender?: SlackSender;
  pagers: Pagers;
  ackLinkFor: AckLinkFor;
  countPage: PageCounter;
}

/**
 * Incidents and escalation: its timer, outbound and pages workers and reconciler run when
 * `workers`; they post through `paging.sender`, default Slack's WebClient.
 */
export function startEscalationJobs(
  deps: FeatureDeps,
  workers: boolean,
  paging: PagingParts,
): EscalationService {
  const { jobs, inventory, logger } = deps;
  return createEscalationService({
    pool: jobs.pool,
    redis: jobs.connection,
    sender: paging.sender ?? webClientSender(deps.slackClient, inventory.locale, deps.userLocales),
    inventory,
    logger,
    timersQueue: jobs.names.timers,
    outboundQueue: jobs.names.outbound,
    pagesQueue: jobs.names.pages,
    workers,
    pagers: paging.pagers,
    ackLinkFor: paging.ackLinkFor,
    countPage: paging.countPage,
  });
}

/** The alert intake, or nothing when `escalation.intake` is absent or has no credentials. */
export function startIntakeJobs(
  deps: FeatureDeps,
  service: EscalationService,
  countAlerts?: (source: IntakeSource, count: number) => void,
): RunningIntake | undefined {
  const { jobs, inventory, logger } = deps;
  const policy = inventory.escalation.intake;
  if (!policy) return undefined;
  if (policy.token === undefined && policy.username === undefined) {
    logger.warn('alert intake disabled: escalation.intake has neither a token nor a username');
    return undefined;
  }
  return startIntake({
    connection: jobs.connection,
    queueName: jobs.names.alerts,
    policy,
    service,
    pool: jobs.pool,
    logger,
    ...(countAlerts ? { countAlerts } : {}),
  });
}

/** The watch, whose runs feed the flap guard and the SLO series (and burn rates); nothing when the watch is off. */
export function startWatchJobs(
  deps: FeatureDeps,
  service: EscalationService,
  diagnoses: SharedDiagnoses,
): RunningWatch | undefined {
  const { jobs, inventory, logger } = deps;
  const { watch } = inventory.escalation;
  if (watch.playbook === 'off') return undefined;
  const flapGuard = feedFlapGuard({ pool: jobs.pool, service, policy: inventory.escalation }, logger);
  const slo = feedSlo({ pool: jobs.pool, service, inventory }, logger);
  return startWatch({
    connection: jobs.connection,
    queueName: jobs.names.watch,
    playbook: watch.playbook,
    everyMs: watch.every,
    diagnoses,
    // The flap guard first: a failing check's incident opens before the burn rate's.
    afterRun: async (diagnosis, playbook) => {
      await flapGuard(diagnosis, playbook);
      await slo(diagnosis);
    },
    markSuccess: () => markLoopSuccess(jobs.pool, 'watch'),
    logger,
  });
}

/** The scheduled reports, posted to Slack (weekly and monthly with their charts, `slo` their SLO panels). */
export function startReportJobs(
  deps: FeatureDeps,
  clients: PlatformClients,
  slo?: SloChartSource,
): StartedReports {
  const { jobs, inventory, logger } = deps;
  return startReports({
    connection: jobs.connection,
    names: jobs.names,
    pool: jobs.pool,
    inventory,
    clients,
    logger,
    slackClient: deps.slackClient,
    ...(slo ? { slo } : {}),
  });
}
