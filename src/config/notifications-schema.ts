import { z } from 'zod';
import { durationSchema } from './escalation-policy-schema.js';

/** The channels a page can go by: Slack DM, email, SMS and voice (an HTTP gateway each). */
export const pageChannels = ['slack', 'email', 'sms', 'voice'] as const;
/** One channel a page can go by. */
export type PageChannelName = (typeof pageChannels)[number];

/** Placeholders a gateway body may hold; each is replaced once, its value escaped for the body's format. */
export const GATEWAY_PLACEHOLDERS = ['to', 'text', 'ackUrl'] as const;

const PLACEHOLDER = /\{([A-Za-z_]\w*)\}/g;

const httpUrl = z
  .string()
  .refine((value) => URL.canParse(value), 'config.url.invalid')
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), {
    message: 'config.url.protocol',
    params: { protocols: 'http:// | https://' },
  });

/** A JSON body template: strings may hold placeholders; keys and other values are sent as written. */
type JsonTemplate = string | number | boolean | null | JsonTemplate[] | { [key: string]: JsonTemplate };
const jsonTemplate: z.ZodType<JsonTemplate> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonTemplate),
    z.record(z.string(), jsonTemplate),
  ]),
);

/** Every string of a body template, for the placeholder checks. */
function templateStrings(node: JsonTemplate): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(templateStrings);
  if (node !== null && typeof node === 'object') return Object.values(node).flatMap(templateStrings);
  return [];
}

/**
 * An SMS or voice gateway reached over HTTP (Orange's SMS API, a Twilio-style API...): no code per
 * vendor, the request is data. The body is a structure, not text, so that each value is escaped by
 * construction: JSON-encoded in a `json` body, form-encoded in a `form` body.
 */
const gatewaySchema = z
  .strictObject({
    /** The gateway's endpoint (`urlFile` or `${ENV}` when it holds a key). */
    url: httpUrl,
    /** HTTP method. Default POST. */
    method: z.enum(['POST', 'PUT']).default('POST'),
    /** Extra headers, e.g. `Authorization: Bearer ${SMS_TOKEN}`; Content-Type comes from `format`. */
    headers: z
      .record(z.string().regex(/^[A-Za-z0-9-]+$/, 'config.gateway.headerName'), z.string())
      .refine((headers) => !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'), {
        message: 'config.gateway.contentType',
      })
      .default({}),
    /** `json` (application/json) or `form` (application/x-www-form-urlencoded). Default json. */
    format: z.enum(['json', 'form']).default('json'),
    /** The body, with `{to}`, `{text}` and `{ackUrl}` in its strings (a flat map of strings for `form`). */
    body: z.record(z.string(), jsonTemplate),
    /** Time allowed for one request, ms. Default 10000. */
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  })
  .superRefine((gateway, ctx) => {
    if (gateway.format === 'form') {
      for (const [key, value] of Object.entries(gateway.body)) {
        if (typeof value !== 'string')
          ctx.addIssue({ code: 'custom', path: ['body', key], message: 'config.gateway.formValue' });
      }
    }
    const strings = templateStrings(gateway.body);
    const names = strings.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''));
    const unknown = names.filter((name) => !(GATEWAY_PLACEHOLDERS as readonly string[]).includes(name));
    if (unknown.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: 'config.gateway.unknownPlaceholder',
        params: {
          names: [...new Set(unknown)].map((name) => `{${name}}`).join(', '),
          known: '{to} {text} {ackUrl}',
        },
      });
    if (!names.includes('to'))
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'config.gateway.noRecipient' });
  });

/** The gateway section, validated: what `src/outbound/http-gateway.ts` sends. */
export type GatewayConfig = z.infer<typeof gatewaySchema>;

/** The SMTP server email pages go through. */
const emailSchema = z
  .strictObject({
    host: z.string().min(1),
    /** Default 587 (submission, STARTTLS). */
    port: z.number().int().min(1).max(65535).default(587),
    /**
     * `starttls`: a plain connection upgraded to TLS, refused when the server does not offer it;
     * `tls`: TLS from the first byte (port 465); `none`: plain text, for a relay on the same host.
     * Default starttls. The server's certificate is always verified (`ca` adds a private CA).
     */
    security: z.enum(['starttls', 'tls', 'none']).default('starttls'),
    username: z.string().min(1).optional(),
    /** `passwordFile` or `${ENV}` keep it out of the inventory. */
    password: z.string().min(1).optional(),
    /** PEM of a private CA that signed the server's certificate (`caFile`). Default: Node's CAs. */
    ca: z.string().min(1).optional(),
    /** Sender, e.g. `samaops <samaops@senelec.sn>`. */
    from: z.string().min(3),
    /** Time allowed to connect, and for each step of the SMTP dialogue, ms. Default 10000. */
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  })
  .refine((email) => (email.username === undefined) === (email.password === undefined), {
    message: 'config.userAndPassword',
  });

/** The email section, validated: what `src/outbound/email-pager.ts` sends through. */
export type EmailConfig = z.infer<typeof emailSchema>;

/**
 * Channels pages may go by besides Slack (issue 17), and when Slack counts as down. Each person's
 * `notify` rules (team-schema.ts) choose among them.
 */
export const notificationsSchema = z
  .strictObject({
    /** SMTP server; absent: no email pages. */
    email: emailSchema.optional(),
    /** SMS gateway; absent: no SMS pages. */
    sms: gatewaySchema.optional(),
    /** Voice-call gateway (text to speech); absent: no voice pages. */
    voice: gatewaySchema.optional(),
    /** Slack answering nothing but errors this long: every pending page goes by the next channels at once. */
    failoverAfter: durationSchema.prefault('1m'),
  })
  .prefault({});

/** The notifications section of the inventory, durations in milliseconds. */
export type NotificationsPolicy = z.infer<typeof notificationsSchema>;
