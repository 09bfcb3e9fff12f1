import { afterEach, describe, expect, it } from 'vitest';
import type { EmailConfig } from '../../src/config/notifications-schema.js';
import { smtpPager } from '../../src/outbound/email-pager.js';
import { SmtpPeer } from '../support/smtp-peer.js';

const peers: SmtpPeer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.stop()));
});

async function peer(options?: { starttls?: boolean }): Promise<SmtpPeer> {
  const started = await new SmtpPeer('samaops', 'smtp-secret', options).start();
  peers.push(started);
  return started;
}

function configOf(server: SmtpPeer, overrides: Partial<EmailConfig> = {}): EmailConfig {
  const section = server.inventorySection('UNUSED');
  return {
    host: '127.0.0.1',
    port: section.port as number,
    security: 'starttls',
    username: 'samaops',
    password: 'smtp-secret',
    ca: server.ca,
    from: 'samaops <samaops@senelec.sn>',
    timeoutMs: 5000,
    ...overrides,
  };
}

describe('email pages over SMTP (a real SMTP server on 127.0.0.1)', () => {
  it('sends after STARTTLS and AUTH; the server receives the subject and the French text intact', async () => {
    const server = await peer();
    const pager = smtpPager(configOf(server));
    try {
      await pager.send({
        to: 'awa@senelec.sn',
        subject: '[samaops] N2 — incident #42 : l’API répond 502',
        text: 'Bonjour Awa,\n\nAcquitter : https://bot.test/ack/42?t=abc&x=1\n',
      });
    } finally {
      pager.close();
    }
    const [mail] = await server.waitFor('awa@senelec.sn');
    expect(mail?.from).toBe('samaops@senelec.sn');
    expect(mail?.subject).toBe('[samaops] N2 — incident #42 : l’API répond 502');
    expect(mail?.text).toContain('Acquitter : https://bot.test/ack/42?t=abc&x=1');
  });

  it('refuses a server that does not offer STARTTLS rather than sending in clear', async () => {
    const server = await peer({ starttls: false });
    const pager = smtpPager(configOf(server));
    try {
      await expect(pager.send({ to: 'awa@senelec.sn', subject: 's', text: 't' })).rejects.toThrow(
        /STARTTLS/i,
      );
    } finally {
      pager.close();
    }
    expect(server.received).toEqual([]);
  });

  it('refuses a certificate its CA did not sign, and a wrong password', async () => {
    const server = await peer();
    const other = await peer();
    const untrusted = smtpPager(configOf(server, { ca: other.ca }));
    const wrong = smtpPager(configOf(server, { password: 'not-it' }));
    try {
      await expect(untrusted.send({ to: 'awa@senelec.sn', subject: 's', text: 't' })).rejects.toThrow(
        /certificate|self.signed/i,
      );
      await expect(wrong.send({ to: 'awa@senelec.sn', subject: 's', text: 't' })).rejects.toThrow(/Invalid/i);
    } finally {
      untrusted.close();
      wrong.close();
    }
    expect(server.received).toEqual([]);
  });
});
