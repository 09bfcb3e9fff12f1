import type { Inventory } from '../config/schema.js';
import type { EscalationService } from '../escalation/escalation-service.js';
import type { SloBudgetSource } from '../escalation/postmortem/slo-budget-source.js';
import type { Logger } from '../logging/logger.js';
import type { BotMetrics } from '../observability/metrics.js';
import type { UserLocales } from '../outbound/user-locales.js';
import type { PlatformClients } from '../platform/platform-clients.js';
import type { SharedDiagnoses } from '../playbooks/shared-diagnoses.js';
import type { SloChartSource } from '../reports/charts/slo-chart-source.js';
import type { BotStore } from '../store/open-bot-store.js';
import type { AccessPolicy } from './access-policy.js';

/** What every handler may use, built once by the composition root (src/app/compose-bot.ts). */
export interface HandlerServices {
  inventory: Inventory;
  clients: PlatformClients;
  logger: Logger;
  metrics: BotMetrics;
  access: AccessPolicy;
  /** Diagnoses, shared while one of the same playbook is in flight. */
  diagnoses: SharedDiagnoses;
  /** The bot's own database (requests, audit, incidents); its pool is absent without DATABASE_URL. */
  store: BotStore;
  /** Incidents and escalation (issue 6); absent without DATABASE_URL and REDIS_URL. */
  escalation?: EscalationService;
  /**
   * SLO figures, from the SLO computation: the report charts' availability and latency panels,
   * and the budget an incident consumed in its post-mortem. Absent: those say "not available".
   */
  slo?: { charts?: SloChartSource; budget?: SloBudgetSource };
  /** Aborted at shutdown: checks still running stop. */
  signal?: AbortSignal;
  /** Each person's Slack language, for answers to them alone; absent: the inventory's (console, `slack.personalLocale: false`). */
  userLocales?: UserLocales;
}

export type { Invocation } from '../render/reply-port.js';
