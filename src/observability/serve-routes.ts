import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomRoute } from '@slack/bolt';

/** An HTTP server of the bot's own routes, where no Bolt receiver serves them (the console). */
export interface RoutesServer {
  port: number;
  close(): Promise<void>;
}

/** True when `path` matches the route's pattern: literal segments, and `:name` for one segment. */
export function routeMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  return (
    want.length === got.length && want.every((part, index) => part.startsWith(':') || part === got[index])
  );
}

/**
 * Serves `routes` as Bolt's receivers do (same handlers, same matching of `:name` segments), on
 * `port` (0: any) and `host`. Anything else gets 404; a method the route lacks gets 405.
 */
export async function serveRoutes(
  routes: readonly CustomRoute[],
  options: { port: number; host?: string },
): Promise<RoutesServer> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const method = (request.method ?? 'GET').toUpperCase();
    const matching = routes.filter((route) => routeMatches(route.path, path));
    const route = matching.find((candidate) =>
      [candidate.method].flat().some((allowed) => allowed.toUpperCase() === method),
    );
    if (!route) {
      request.resume();
      response.writeHead(matching.length > 0 ? 405 : 404).end();
      return;
    }
    try {
      // Bolt's receivers hand `params` too; these handlers read the path themselves.
      route.handler(Object.assign(request, { params: {} }), response);
    } catch {
      if (!response.headersSent) response.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
