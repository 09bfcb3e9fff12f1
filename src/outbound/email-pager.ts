import nodemailer from 'nodemailer';
import type { EmailConfig } from '../config/notifications-schema.js';
import type { EmailPager } from './pagers.js';

/**
 * The email pager over SMTP (nodemailer): `starttls` requires the upgrade (a server that does not
 * offer it is refused, never a silent plain-text fallback), `tls` speaks TLS from the start,
 * `none` never tries TLS. The certificate is verified, against `ca` when given. Every wait
 * (connection, greeting, each command) is bounded by `timeoutMs`.
 */
export function smtpPager(email: EmailConfig): EmailPager {
  const transport = nodemailer.createTransport({
    host: email.host,
    port: email.port,
    secure: email.security === 'tls',
    requireTLS: email.security === 'starttls',
    ignoreTLS: email.security === 'none',
    ...(email.username && email.password ? { auth: { user: email.username, pass: email.password } } : {}),
    tls: { rejectUnauthorized: true, ...(email.ca ? { ca: email.ca } : {}) },
    connectionTimeout: email.timeoutMs,
    greetingTimeout: email.timeoutMs,
    socketTimeout: email.timeoutMs,
  });
  return {
    async send(page) {
      await transport.sendMail({ from: email.from, to: page.to, subject: page.subject, text: page.text });
    },
    close: () => transport.close(),
  };
}
