import { connect } from 'node:tls';
import { msg } from '../i18n/message.js';
import { linesSection } from './lines-section.js';

/** Days under which the certificate's expiry is a warning (runbook §9.3: renew a month ahead). */
const WARN_DAYS = 30;

/** When the certificate the endpoint presents expires; the chain is not judged, only its date. */
function certificateExpiry(url: URL, signal: AbortSignal): Promise<Date> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: url.hostname,
      port: Number(url.port || 443),
      servername: url.hostname,
      // Reads the expiry even of a certificate that no longer validates: that is what must be reported.
      rejectUnauthorized: false,
    });
    const abort = () => socket.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', abort, { once: true });
    socket.once('secureConnect', () => {
      const validTo = socket.getPeerCertificate().valid_to;
      signal.removeEventListener('abort', abort);
      socket.end();
      if (validTo) resolve(new Date(validTo));
      else reject(new Error('no certificate presented'));
    });
    socket.once('error', (error) => {
      signal.removeEventListener('abort', abort);
      reject(error);
    });
  });
}

/** Runbook §9.3: days left on the public endpoint's TLS certificate (`reports.publicEndpoint`), warn under 30. */
export const tlsExpiry = linesSection(
  'tls-expiry',
  msg('report.section.tlsExpiry'),
  async ({ inventory, signal }) => {
    const endpoint = inventory.reports.publicEndpoint;
    if (!endpoint) return [];
    const url = new URL(endpoint);
    const expiry = await certificateExpiry(url, signal);
    const days = Math.floor((expiry.getTime() - Date.now()) / 86_400_000);
    return [
      {
        label: url.host,
        status: days < 0 ? 'fail' : days < WARN_DAYS ? 'warn' : 'ok',
        text: msg('report.tls.daysLeft', { days, date: expiry.toISOString().slice(0, 10) }),
        metric: `tls:${url.host}`,
        value: days,
        unit: 'count',
      },
    ];
  },
);
