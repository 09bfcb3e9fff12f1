import http from 'node:http';

/** How the peer answers one path. */
export type PeerAnswer =
  | { status: number; body?: string; delayMs?: number; headers?: Record<string, string> }
  /** Accepts the request and never answers (a hung service). */
  | { hang: true };

/** A local HTTP server whose answer per path the test sets, recording what it received. */
export interface HttpPeer {
  /** Base URL, http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  /** Sets the answer for `path` (query string included when the caller sends one). */
  answer(path: string, answer: PeerAnswer): void;
  /** Requests received, in order: path and headers. */
  readonly requests: { path: string; headers: http.IncomingHttpHeaders }[];
  /** Stops listening and drops every open connection, hung ones included. */
  close(): Promise<void>;
}

/** Starts the peer on a free port of 127.0.0.1; unknown paths answer 404. */
export async function startHttpPeer(): Promise<HttpPeer> {
  const answers = new Map<string, PeerAnswer>();
  const requests: HttpPeer['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const answer = answers.get(path) ?? { status: 404, body: 'not found' };
    if ('hang' in answer) return;
    const send = () => {
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(answer.body ?? '');
    };
    if (!answer.delayMs) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, answer.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('http peer has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    answer: (path, answer) => answers.set(path, answer),
    requests,
    close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
