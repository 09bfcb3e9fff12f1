import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';

/** A dispatcher for the Socket Mode WebSocket and a fetch for Web API calls, both through a proxy. */
export interface ProxyTransport {
  dispatcher: EnvHttpProxyAgent;
  fetch: typeof globalThis.fetch;
}

/**
 * Routes Slack traffic through the corporate proxy (`HTTPS_PROXY`), honouring `NO_PROXY`.
 * Bolt 5 dropped its `agent` option: Socket Mode takes an undici dispatcher, and the WebClient
 * takes a `fetch`, so both are built on the same agent. The proxy is used for http: URLs too,
 * so that a test can observe it without TLS.
 */
export function proxyTransport(
  proxyUrl: string,
  noProxy = process.env.NO_PROXY ?? process.env.no_proxy ?? '',
): ProxyTransport {
  const dispatcher = new EnvHttpProxyAgent({ httpProxy: proxyUrl, httpsProxy: proxyUrl, noProxy });
  const proxiedFetch = ((input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    })) as unknown as typeof globalThis.fetch;
  return { dispatcher, fetch: proxiedFetch };
}
