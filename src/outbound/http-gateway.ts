import type { GatewayConfig } from '../config/notifications-schema.js';
import { gatewayBody } from './gateway-body.js';
import { type GatewayPager, GatewayRefused } from './pagers.js';

/** Characters of a refusal kept for the error (the gateway's words, not the request). */
const ANSWER_KEPT = 160;

/**
 * The gateway pager: one HTTP request per page, bounded by `timeoutMs`, redirects refused (a
 * redirect could carry the headers' secrets elsewhere). A status other than 2xx is a
 * `GatewayRefused`; the delivery job retries it. `fetchFn` goes through the corporate proxy when
 * the composition root gives one.
 */
export function httpGateway(gateway: GatewayConfig, fetchFn: typeof fetch = fetch): GatewayPager {
  return {
    async send(page) {
      const { contentType, body } = gatewayBody(gateway, page);
      const response = await fetchFn(gateway.url, {
        method: gateway.method,
        headers: { ...gateway.headers, 'content-type': contentType },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(gateway.timeoutMs),
      });
      const answer = await response.text().catch(() => '');
      if (response.status < 200 || response.status > 299)
        throw new GatewayRefused(response.status, answer.replace(/\s+/g, ' ').trim().slice(0, ANSWER_KEPT));
    },
  };
}
