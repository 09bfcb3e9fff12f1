import type { Transporter } from 'nodemailer';
import type { EmailConfig } from '../config/notifications-schema.js';
import type { EmailPager } from './pagers.js';

/**
 * The email pager over SMTP (nodemailer): `starttls` requires the upgrade (a server that does not
 * offer it is refused, never a silent plain-text fallback), `tls` speaks TLS from the start,
 * `none` never tries TLS. The certificate is verified, against `ca` when given. Every wait
 * (connection, greeting, each command) is bounded by `timeoutMs`. nodemailer is loaded with the
 * first email, not at start-up: a bot that sends none never holds it in memory.
 */
export function smtpPager(email: EmailConfig): EmailPager {
  let transport: Promise<Transporter> | undefined;
  const transportOf = () => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) => createTransport(nodemailer, email));
    return transport;
  };
  return {
    async send(page) {
      const smtp = await transportOf();
      await smtp.sendMail({ from: email.from, to: page.to, subject: page.subject, text: page.text });
    },
    close() {
      void transport?.then(
        (smtp) => smtp.close(),
        () => undefined,
      );
    },
  };
}

function createTransport(
  nodemailer: typeof import('nodemailer')['default'],
  email: EmailConfig,
): Transporter {
  return nodemailer.createTransport({
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
}
