import http from 'node:http';
import https from 'node:https';

/** Answer of a bounded HTTP GET. */
export interface HttpAnswer {
  status: number;
  /** Time to the response headers, ms. */
  latencyMs: number;
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
        const started = performance.now();
        const request = (isHttps ? https : http).request(
          target,
          { method: 'GET', agent: agents[isHttps ? 'https:' : 'http:'], headers, auth, signal },
          (response) => {
            const latencyMs = performance.now() - started;
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
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end();
      });
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
