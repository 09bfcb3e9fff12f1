import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { HandlerServices } from '../handlers/handler-context.js';
import type { Logger } from '../logging/logger.js';
import { boltLogger } from './bolt-logger.js';
import { proxyTransport } from './proxy-transport.js';
import { type InFlight, registerListeners } from './register-listeners.js';
import type { SlackMode } from './slack-mode.js';

/** A Bolt app ready to start, in Socket Mode or HTTP mode. */
export interface SlackBot {
  app: App;
  mode: 'socket' | 'http';
  inFlight: InFlight;
  /** Verifies the bot token (auth.test), then listens; resolves with the HTTP port bound. */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/** What the Bolt app is built from: the handlers' services, the extra HTTP routes, the logger. */
export interface SlackBotOptions {
  services: HandlerServices;
  /** /health, /ready, /metrics. */
  routes: CustomRoute[];
  logger: Logger;
  /** Interface the HTTP server binds. Default: all (Slack must reach it). */
  host?: string;
}

/**
 * Builds the Bolt app for the chosen mode. `SLACK_API_URL` points the WebClient (and Socket
 * Mode's apps.connections.open) elsewhere; `HTTPS_PROXY` routes both the WebSocket and the Web
 * API calls through the proxy.
 */
export function createSlackBot(
  mode: Exclude<SlackMode, { kind: 'console' }>,
  options: SlackBotOptions,
): SlackBot {
  const transport = mode.proxyUrl ? proxyTransport(mode.proxyUrl) : undefined;
  const clientOptions: webApi.WebClientOptions = {
    // Bounded retries (≈ 30 s worst case, 429s honour Retry-After): the WebClient's default keeps
    // trying for 30 minutes, and a report that late is worse than an error the user sees.
    retryConfig: { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 15_000, randomize: true },
    ...(mode.apiUrl ? { slackApiUrl: mode.apiUrl } : {}),
    ...(transport ? { fetch: transport.fetch as webApi.WebClientOptions['fetch'] } : {}),
  };
  const logger = boltLogger(options.logger);
  // deferInitialization: auth.test runs in start(), where a bad token or an unreachable API
  // stops start-up with an error, instead of an unhandled rejection in the constructor.
  const app =
    mode.kind === 'socket'
      ? new App({
          token: mode.botToken,
          socketMode: true,
          receiver: new SocketModeReceiver({
            appToken: mode.appToken,
            ...(transport ? { dispatcher: transport.dispatcher } : {}),
            customRoutes: options.routes,
            installerOptions: { port: mode.port, clientOptions },
            logger,
          }),
          clientOptions,
          logger,
          deferInitialization: true,
        })
      : new App({
          token: mode.botToken,
          signingSecret: mode.signingSecret,
          customRoutes: options.routes,
          clientOptions,
          logger,
          deferInitialization: true,
        });
  const inFlight = registerListeners(app, options.services);
  return {
    app,
    mode: mode.kind,
    inFlight,
    async start() {
      await app.init();
      if (mode.kind === 'socket') {
        await app.start();
        return { port: mode.port };
      }
      const server = (await app.start({
        port: mode.port,
        ...(options.host ? { host: options.host } : {}),
      })) as {
        address(): AddressInfo | string | null;
      };
      const address = server.address();
      return { port: typeof address === 'object' && address ? address.port : mode.port };
    },
    async stop() {
      await app.stop();
    },
  };
}
