import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError } from '../../src/config/config-error.js';
import { parseInventory } from '../../src/config/load-inventory.js';
import { formatParam } from '../../src/i18n/translate.js';

const gateway = {
  url: 'https://api.orange.test/smsmessaging/v1/outbound/tel%3A%2B221330000000/requests',
  headers: { Authorization: 'Bearer ${SMS_TOKEN}' },
  body: { outboundSMSMessageRequest: { address: 'tel:{to}', outboundSMSTextMessage: { message: '{text}' } } },
};
const awa = {
  slackId: 'UAWA00001',
  name: 'Awa',
  roles: ['support_n1'],
  email: 'awa@senelec.sn',
  phone: '+221770000001',
  notify: [{ channel: 'slack' }, { channel: 'email' }, { channel: 'sms', after: '5m' }],
};
const env = { SMS_TOKEN: 'orange-token', SMTP_PASSWORD: 'smtp-secret' };

function parse(inventory: Record<string, unknown>) {
  return parseInventory(stringify(inventory), '/tmp/inventory.yml', env);
}

function problemsOf(inventory: Record<string, unknown>) {
  try {
    parse(inventory);
  } catch (error) {
    if (error instanceof ConfigError)
      return error.problems.map((problem) => `${problem.path}: ${formatParam(problem.message, 'en')}`);
    throw error;
  }
  throw new Error('expected the inventory to be refused');
}

describe('notification channels in the inventory', () => {
  it('reads SMTP, the SMS gateway and each person’s rules, secrets from the environment or a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samaops-notify-'));
    writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n');
    const inventory = parse({
      team: [awa],
      notifications: {
        email: {
          host: 'smtp.senelec.sn',
          username: 'samaops',
          password: '${SMTP_PASSWORD}',
          caFile: join(dir, 'ca.pem'),
          from: 'samaops <samaops@senelec.sn>',
        },
        sms: gateway,
      },
    });
    expect(inventory.notifications.email).toMatchObject({
      port: 587,
      security: 'starttls',
      password: 'smtp-secret',
      timeoutMs: 10_000,
    });
    expect(inventory.notifications.email?.ca).toContain('BEGIN CERTIFICATE');
    expect(inventory.notifications.sms).toMatchObject({
      method: 'POST',
      format: 'json',
      headers: { Authorization: 'Bearer orange-token' },
    });
    expect(inventory.notifications.failoverAfter).toBe(60_000);
    expect(inventory.team[0]?.notify).toEqual([
      { channel: 'slack', after: 0, levels: ['N1', 'N2', 'N3'] },
      { channel: 'email', after: 0, levels: ['N1', 'N2', 'N3'] },
      { channel: 'sms', after: 300_000, levels: ['N1', 'N2', 'N3'] },
    ]);
  });

  it('refuses a rule the person or the bot cannot page by, and a channel twice at one level', () => {
    const problems = problemsOf({
      team: [
        { ...awa, email: undefined, notify: [{ channel: 'email' }, { channel: 'sms' }] },
        {
          ...awa,
          slackId: 'UMOUSSA01',
          notify: [{ channel: 'slack' }, { channel: 'slack', levels: ['N3'] }],
        },
      ],
    });
    expect(problems.join('\n')).toMatch(/team\[0\]\.notify\[0\]\.channel: .*email/);
    expect(problems.join('\n')).toMatch(/team\[0\]\.notify\[1\]\.channel: .*notifications\.sms/);
    expect(problems.join('\n')).toMatch(/team\[1\]\.notify\[1\]\.channel: .*N3/);
  });

  it('refuses a gateway body without {to}, with an unknown placeholder, a form value that is not text, or a Content-Type header', () => {
    const problems = problemsOf({
      notifications: {
        sms: { ...gateway, body: { message: '{text} {title}' } },
        voice: {
          ...gateway,
          format: 'form',
          headers: { 'Content-Type': 'text/plain' },
          body: { To: '{to}', Repeat: 2 },
        },
      },
    }).join('\n');
    expect(problems).toMatch(/notifications\.sms\.body: .*\{title\}/);
    expect(problems).toMatch(/notifications\.sms\.body: .*\{to\}/);
    expect(problems).toMatch(/notifications\.voice\.body\.Repeat: /);
    expect(problems).toMatch(/notifications\.voice\.headers: .*Content-Type/);
  });

  it('refuses a bad address, a number not in international form, and a username without its password', () => {
    const problems = problemsOf({
      team: [{ ...awa, email: 'awa-at-senelec', phone: '770000001', notify: undefined }],
      notifications: { email: { host: 'smtp', username: 'samaops', from: 'samaops@senelec.sn' } },
    }).join('\n');
    expect(problems).toMatch(/team\[0\]\.email/);
    expect(problems).toMatch(/team\[0\]\.phone/);
    expect(problems).toMatch(/notifications\.email/);
  });
});
