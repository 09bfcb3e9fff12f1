import type { NotificationsPolicy } from '../config/notifications-schema.js';
import { smtpPager } from '../outbound/email-pager.js';
import { httpGateway } from '../outbound/http-gateway.js';
import type { Pagers } from '../outbound/pagers.js';
import { proxyTransport } from '../slack/proxy-transport.js';

/**
 * The pagers the inventory's `notifications` configures: SMTP for email, the HTTP gateways for SMS
 * and voice. The gateways leave through `HTTPS_PROXY` when it is set (honouring `NO_PROXY`), as
 * Slack's calls do: an SMS provider is on the internet. `close()` drops the SMTP connections.
 */
export function buildPagers(
  notifications: NotificationsPolicy,
  env: NodeJS.ProcessEnv,
): Pagers & { close(): void } {
  const proxy = env.HTTPS_PROXY ?? env.https_proxy;
  const fetchFn = proxy ? proxyTransport(proxy).fetch : fetch;
  const email = notifications.email ? smtpPager(notifications.email) : undefined;
  return {
    ...(email ? { email } : {}),
    ...(notifications.sms ? { sms: httpGateway(notifications.sms, fetchFn) } : {}),
    ...(notifications.voice ? { voice: httpGateway(notifications.voice, fetchFn) } : {}),
    close: () => email?.close(),
  };
}
