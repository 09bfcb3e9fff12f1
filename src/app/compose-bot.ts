import { setMaxListeners } from 'node:events';
import type { CustomRoute, webApi } from '@slack/bolt';
import type { Inventory } from '../config/schema.js';
import type { AckLinkFor } from '../core/escalation/ack-link-token.js';
import { readAckLinkConfig } from '../escalation/ack-link/ack-link-config.js';
import { ackLinkSigner } from '../escalation/ack-link/ack-link-signer.js';
import { diagnosisHook } from '../escalation/diagnosis-hook.js';
import { guardContextOf } from '../handlers/guard-context-of.js';
import type { HandlerServices } from '../handlers/handler-context.js';
import type { Logger } from '../logging/logger.js';
import { readHeartbeatConfig } from '../observability/heartbeat-config.js';
import type { SlackSender } from '../outbound/slack-sender.js';
import { slackUserLocales } from '../outbound/user-locales.js';
import { createPlatformClients } from '../platform/platform-clients.js';
import { startExpirySweeper } from '../playbooks/guard/expiry-sweeper.js';
import { shareDiagnoses } from '../playbooks/shared-diagnoses.js';
import { renderForSlack } from '../render/render-for-slack.js';
import { openBotStore } from '../store/open-bot-store.js';
import { buildPagers } from './build-pagers.js';
import { botMetrics, ownHealth } from './own-health.js';
import { sloPorts } from './slo-ports.js';
import {
  openBotJobs,
  type PagingParts,
  startEscalationJobs,
  startIntakeJobs,
  startReportJobs,
  startWatchJobs,
} from './start-jobs.js';

/** How the bot is put together. */
export interface BotConfig {
  inventory: Inventory;
  logger: Logger;
  /**
   * `slack`: every worker runs (timers, outbound, intake, watch, reports) and /health, /ready,
   * /metrics are served. `console`: the same services and handlers, but no worker that posts to
   * Slack on its own: incidents opened here are delivered by the bot's replicas.
   */
  surface: 'slack' | 'console';
  /**
   * Console only: where escalation's messages go instead of Slack. With it, the console runs the
   * escalation workers and the watch too, and their pages print there (the demo). Default none.
   */
  consoleSender?: SlackSender;
}

/** The whole graph, built once: what the handlers use, the HTTP routes, and how to stop it all. */
export interface ComposedBot {
  /** What every handler may use, but the access policy, which the surface decides. */
  services: Omit<HandlerServices, 'access'>;
  /**
   * The HTTP routes: /health, /ready, /metrics and the alert endpoints (Slack surface), and the ack
   * page `/ack/<token>` wherever ack links are configured (the console serves it on its own).
   */
  routes: CustomRoute[];
  /**
   * The ack-link port: a page's signed link for (incident, person, generation), or undefined when
   * `SAMAOPS_LINK_SECRET` and `SAMAOPS_PUBLIC_URL` are not set.
   */
  ackLinkFor: AckLinkFor;
  /** Hands over the Bolt app's client: escalation, reports and the expiry sweeper post through it. */
  attachSlack(client: webApi.WebClient): void;
  /** Tells work still running to stop (its checks abort). */
  abort(): void;
  /** Stops every worker (bounded), then closes every client. */
  close(): Promise<void>;
}

/**
 * The composition root: builds the watched platform's clients, the bot's store, its jobs, the
 * features and the handlers' services, once. `src/main.ts`, the console and the tests' bot harness
 * all start from here.
 */
export async function composeBot(config: BotConfig, env: NodeJS.ProcessEnv): Promise<ComposedBot> {
  const { inventory, logger } = config;
  const slack = config.surface === 'slack';
  // Workers that post on their own run in Slack, or in a console that shows their messages.
  const posting = slack || config.consoleSender !== undefined;
  // Settings that cannot work stop the start before anything is opened.
  const linkConfig = readAckLinkConfig(env);
  const heartbeatConfig = slack ? readHeartbeatConfig(env) : undefined;
  // The store first: a database it must refuse (schema newer than the code) stops the start
  // before any client is open.
  const store = await openBotStore(env.DATABASE_URL, logger);
  const clients = createPlatformClients(inventory, logger);
  const metrics = botMetrics(store.pool);
  const shutdown = new AbortController();
  // Every running check listens to this one signal: many concurrent diagnoses exceed the default 10.
  setMaxListeners(0, shutdown.signal);
  // The outbound worker needs the Bolt app's client, which exists once the app is built.
  let slackClient: webApi.WebClient | undefined;
  // Answers to one person (ephemeral, DMs) in their Slack language; the console has none.
  const userLocales =
    slack && inventory.slack.personalLocale
      ? slackUserLocales(() => slackClient, { fallback: inventory.locale, logger })
      : undefined;
  const jobs = openBotJobs(env, store.pool, logger);
  const deps = jobs && { jobs, inventory, logger, slackClient: () => slackClient, userLocales };
  const paging = pagingOf(config, env, ackLinkSigner(deps ? linkConfig : undefined), metrics.pageSent);
  const escalation = deps && startEscalationJobs(deps, posting, paging);
  const diagnoses = shareDiagnoses(
    { inventory, clients },
    shutdown.signal,
    escalation ? diagnosisHook(escalation, inventory, logger) : undefined,
  );
  const slo = sloPorts(store.pool, inventory);
  const services: Omit<HandlerServices, 'access'> = {
    inventory,
    clients,
    logger,
    metrics,
    diagnoses,
    store,
    ...(escalation ? { escalation } : {}),
    signal: shutdown.signal,
    ...(userLocales ? { userLocales } : {}),
    ...(slo ? { slo } : {}),
  };
  const intake =
    slack && deps && escalation ? startIntakeJobs(deps, escalation, metrics.alertsReceived) : undefined;
  const watch = posting && deps && escalation ? startWatchJobs(deps, escalation, diagnoses) : undefined;
  if (slack && !deps) logger.warn('scheduled reports disabled: DATABASE_URL and REDIS_URL are both needed');
  const reports = slack && deps ? startReportJobs(deps, clients, slo?.charts) : undefined;
  const own = ownHealth({ slack, linkConfig, heartbeatConfig, deps, escalation, metrics, env, logger });
  let sweeper: ReturnType<typeof startExpirySweeper> | undefined;
  return {
    services,
    routes: [...own.routes, ...(intake?.routes ?? []), ...own.ackRoutes],
    ackLinkFor: paging.ackLinkFor,
    attachSlack(client) {
      slackClient = client;
      if (!store.pool || sweeper) return;
      sweeper = startExpirySweeper({
        context: guardContextOf(services),
        update: async (ref, message) => {
          await client.chat.update({ ...ref, ...renderForSlack(message, inventory.locale) });
        },
      });
    },
    abort: () => shutdown.abort(new Error('shutdown')),
    async close() {
      own.heartbeat?.close();
      await sweeper?.close();
      await watch?.close().catch(() => undefined);
      await intake?.close().catch(() => undefined);
      await reports?.close().catch(() => undefined);
      // Escalation workers first: their running jobs still use the store's pool.
      await escalation?.close({ graceMs: 1500 }).catch(() => undefined);
      jobs?.connection.disconnect();
      await Promise.allSettled([clients.close(), own.readiness?.close(), store.close(), paging.close()]);
    },
  };
}

/**
 * How escalation's pages leave: the console's sender (else Slack's), the email, SMS and voice
 * pagers of `notifications`, the ack links, and the counter of `samaops_pages_sent_total`.
 */
function pagingOf(
  config: BotConfig,
  env: NodeJS.ProcessEnv,
  ackLinkFor: AckLinkFor,
  countPage: PagingParts['countPage'],
): PagingParts & { close(): void } {
  const pagers = buildPagers(config.inventory.notifications, env);
  return {
    ...(config.consoleSender ? { sender: config.consoleSender } : {}),
    pagers,
    ackLinkFor,
    countPage,
    close: () => pagers.close(),
  };
}
