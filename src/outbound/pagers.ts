/** An email page to one person, its text already in the inventory's language. */
export interface EmailPage {
  to: string;
  subject: string;
  text: string;
}

/** Sends email pages (SMTP, `email-pager.ts`); `close()` drops its connections. */
export interface EmailPager {
  send(page: EmailPage): Promise<void>;
  close(): void;
}

/** A page to a phone number through an HTTP gateway: its text, and the ack link on its own. */
export interface PhonePage {
  to: string;
  text: string;
  /** Empty when no ack link is configured. */
  ackUrl: string;
}

/** Sends SMS or voice pages through an HTTP gateway (`http-gateway.ts`). */
export interface GatewayPager {
  send(page: PhonePage): Promise<void>;
}

/** The pagers the inventory configures, besides Slack; a channel without one is not configured. */
export interface Pagers {
  email?: EmailPager;
  sms?: GatewayPager;
  voice?: GatewayPager;
}

/** A gateway's refusal (a status other than 2xx): its status and the start of its answer, never the request. */
export class GatewayRefused extends Error {
  readonly code = 'GATEWAY_REFUSED';
  constructor(
    readonly status: number,
    answer: string,
  ) {
    super(`HTTP ${status}${answer ? `: ${answer}` : ''}`);
  }
}
