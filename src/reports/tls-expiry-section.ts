import { connect } from 'node:tls';
import { msg } from '../i18n/message.js';
import { linesSection } from './lines-section.js';
import type { ReportLine } from './report-model.js';

/** Days under which the certificate's expiry is a warning (runbook §9.3: renew a month ahead). */
const WARN_DAYS = 30;

/**
 * When the certificate the endpoint presents expires (undefined: it presented none); the chain is
 * not judged, only its date. An abort rejects with the signal's reason: the collection says why.
 */
function certificateExpiry(url: URL, signal: AbortSignal): Promise<Date | undefined> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const socket = connect({
      host: url.hostname,
      port: Number(url.port || 443),
      servername: url.hostname,
      // Reads the expiry even of a certificate that no longer validates: that is what must be reported.
      rejectUnauthorized: false,
    });
    const abort = () => {
      socket.destroy();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    socket.once('secureConnect', () => {
      const validTo = socket.getPeerCertificate().valid_to;
      signal.removeEventListener('abort', abort);
      socket.end();
      resolve(validTo ? new Date(validTo) : undefined);
    });
    socket.once('error', (error) => {
      signal.removeEventListener('abort', abort);
      reject(error);
    });
  });
}

/** The line of an endpoint's certificate: days left, warn under WARN_DAYS, fail once expired. */
export function tlsExpiryLine(host: string, expiry: Date | undefined, now: Date): ReportLine {
  if (!expiry) return { label: host, status: 'unknown', text: msg('report.tls.noCertificate'), value: null };
  const days = Math.floor((expiry.getTime() - now.getTime()) / 86_400_000);
  return {
    label: host,
    status: days < 0 ? 'fail' : days < WARN_DAYS ? 'warn' : 'ok',
    text: msg('report.tls.daysLeft', { days, date: expiry.toISOString().slice(0, 10) }),
    metric: `tls:${host}`,
    value: days,
    unit: 'count',
  };
}

/** Runbook §9.3: days left on the public endpoint's TLS certificate (`reports.publicEndpoint`), warn under 30. */
export const tlsExpiry = linesSection(
  'tls-expiry',
  msg('report.section.tlsExpiry'),
  async ({ inventory, signal }) => {
    const endpoint = inventory.reports.publicEndpoint;
    if (!endpoint) return [];
    const url = new URL(endpoint);
    return [tlsExpiryLine(url.host, await certificateExpiry(url, signal), new Date())];
  },
);
