import { describe, expect, it } from 'vitest';
import { routeMatches, serveRoutes } from '../../src/observability/serve-routes.js';

describe('the console’s server of the bot’s routes', () => {
  it('matches literal segments and one segment per :name, as Bolt does', () => {
    expect(routeMatches('/ack/:token', '/ack/abc.def')).toBe(true);
    expect(routeMatches('/ack/:token', '/ack/')).toBe(true);
    expect(routeMatches('/ack/:token', '/ack/a/b')).toBe(false);
    expect(routeMatches('/ack/:token', '/acks/a')).toBe(false);
    expect(routeMatches('/health', '/health')).toBe(true);
  });

  it('serves the routes, 405 for another method, 404 elsewhere', async () => {
    const server = await serveRoutes(
      [{ path: '/ack/:token', method: ['GET'], handler: (_request, response) => response.end('page') }],
      { port: 0, host: '127.0.0.1' },
    );
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect(await (await fetch(`${base}/ack/x`)).text()).toBe('page');
      expect((await fetch(`${base}/ack/x`, { method: 'POST' })).status).toBe(405);
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
