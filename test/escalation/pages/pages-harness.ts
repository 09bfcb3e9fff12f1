import { randomUUID } from 'node:crypto';
import { smtpPager } from '../../../src/outbound/email-pager.js';
import { httpGateway } from '../../../src/outbound/http-gateway.js';
import type { Pagers } from '../../../src/outbound/pagers.js';
import { SmsGatewayDouble } from '../../support/sms-gateway-double.js';
import { SmtpPeer } from '../../support/smtp-peer.js';
import { type Harness, PEOPLE, startHarness } from '../escalation-harness.js';

/** The N1 and N2 people of the page tests, with an address and a number each. */
export const AWA = { slackId: PEOPLE.n1, email: 'awa@senelec.sn', phone: '+221770000001' } as const;
export const MOUSSA = { slackId: PEOPLE.n2, email: 'moussa@senelec.sn', phone: '+221770000002' } as const;

/** A notification rule as the inventory writes it. */
type Rule = { channel: 'slack' | 'email' | 'sms' | 'voice'; after?: string; levels?: string[] };

/** The escalation harness with a real SMTP server, the SMS gateway double, and pagers on both. */
export interface PagesHarness {
  h: Harness;
  smtp: SmtpPeer;
  sms: SmsGatewayDouble;
  /** New pagers on the inventory's sections (one set per replica, as each bot builds its own). */
  pagers(): Pagers;
  close(): Promise<void>;
}

/** Awa (N1) and Moussa (N2) paged by `rules`; the levels' timings in inventory syntax. */
export async function startPagesHarness(
  levels: { ackTimeout: string; repeatEvery: string; resolveWithin: string },
  rules: { awa: Rule[]; moussa: Rule[] },
): Promise<PagesHarness> {
  const password = `smtp-${randomUUID()}`;
  const token = `sms-${randomUUID()}`;
  process.env.SAMAOPS_TEST_PAGES_SMTP = password;
  process.env.SAMAOPS_TEST_PAGES_SMS = token;
  const smtp = await new SmtpPeer('samaops', password).start();
  const sms = await new SmsGatewayDouble(token).start();
  const h = await startHarness(levels, {
    team: [
      { ...AWA, name: 'Awa', roles: ['support_n1'], notify: rules.awa },
      { ...MOUSSA, name: 'Moussa', roles: ['devops'], notify: rules.moussa },
      { slackId: PEOPLE.n3, name: 'Fatou', roles: ['lead'] },
    ],
    notifications: {
      email: smtp.inventorySection('SAMAOPS_TEST_PAGES_SMTP'),
      sms: sms.inventorySection('SAMAOPS_TEST_PAGES_SMS'),
    },
  });
  const opened: Pagers[] = [];
  const { email, sms: gateway } = h.inventory.notifications;
  if (!email || !gateway) throw new Error('the page harness needs email and SMS configured');
  return {
    h,
    smtp,
    sms,
    pagers() {
      const pagers = { email: smtpPager(email), sms: httpGateway(gateway) };
      opened.push(pagers);
      return pagers;
    },
    async close() {
      await h.close();
      for (const pagers of opened) pagers.email?.close();
      await Promise.all([smtp.stop(), sms.stop()]);
    },
  };
}

/** The incident id a page's text names (`#42`). */
export function incidentOf(text: string): number {
  return Number(/#(\d+)/.exec(text)?.[1] ?? Number.NaN);
}
