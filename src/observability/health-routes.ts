import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { BotMetrics } from './metrics.js';
import type { ReadinessProbe } from './readiness.js';

/**
 * `/health` (the process answers), `/ready` (the bot's own PostgreSQL and Redis answer) and
 * `/metrics` (Prometheus text), served beside `/slack/events` by Bolt's receiver.
 */
export function healthRoutes(metrics: BotMetrics, readiness: ReadinessProbe): CustomRoute[] {
  return [
    {
      path: '/health',
      method: ['GET'],
      handler: (_request, response) => json(response, 200, { status: 'ok' }),
    },
    {
      path: '/ready',
      method: ['GET'],
      handler: (_request, response) => {
        void readiness.check().then(
          (state) => json(response, state.ready ? 200 : 503, state),
          () => json(response, 503, { ready: false }),
        );
      },
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler: (_request, response) => {
        void metrics.registry.metrics().then(
          (text) => {
            response.writeHead(200, { 'content-type': metrics.registry.contentType });
            response.end(text);
          },
          () => json(response, 500, { error: 'metrics unavailable' }),
        );
      },
    },
  ];
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
