import http from 'node:http';
import https from 'node:https';

/** Answer of a bounded HTTP GET. */
export interface HttpAnswer {
  status: number;
  /**
   * Time from the request leaving on a connected socket to the response headers, ms. It leaves
   * out the wait for a free socket (the bot's own queue) and the connection's handshake.
   */
  latencyMs: number;
  /** Time to get a connected socket, ms: the agent's queue plus a new connection's handshake (0 when one was free). */
  connectMs: number;
  /** Body as text, cut at `maxBytes`. */
  body: string;
}

export interface HttpGetOptions {
  signal: AbortSignal;
  headers?: Record<string, string>;
  /** Body bytes kept. Default 64 KiB: a health answer is small, a hostile one is not read further. */
  maxBytes?: number;
}

/** A keep-alive HTTP client shared by every HTTP check; `close()` drops its sockets. */
export interface HttpClient {
  get(url: string, options: HttpGetOptions): Promise<HttpAnswer>;
  close(): void;
}

export function createHttpClient(): HttpClient {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 8 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 8 }),
  };
  return {
    get(url, { signal, headers = {}, maxBytes = 64 * 1024 }) {
      return new Promise((resolve, reject) => {
        const target = new URL(url);
        const isHttps = target.protocol === 'https:';
        const auth = target.username
          ? `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`
          : undefined;
        target.username = '';
        target.password = '';
        const asked = performance.now();
        let sent = asked;
        const request = (isHttps ? https : http).request(
          target,
          { method: 'GET', agent: agents[isHttps ? 'https:' : 'http:'], headers, auth, signal },
          (response) => {
            const latencyMs = performance.now() - sent;
            const connectMs = sent - asked;
            const chunks: Buffer[] = [];
            let size = 0;
            response.on('data', (chunk: Buffer) => {
              if (size < maxBytes) chunks.push(chunk.subarray(0, maxBytes - size));
              size += chunk.length;
            });
            response.on('end', () =>
              resolve({
                status: response.statusCode ?? 0,
                latencyMs,
                connectMs,
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        // The clock starts once a socket is ready: a queued request or a handshake is not the peer's latency.
        request.once('socket', (socket) => {
          const ready = () => {
            sent = performance.now();
          };
          if (socket.connecting) socket.once(isHttps ? 'secureConnect' : 'connect', ready);
          else ready();
        });
        request.end();
      });
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
