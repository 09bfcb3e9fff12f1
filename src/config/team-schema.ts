import { z } from 'zod';
import { readDurationMs } from './duration.js';
import { pageChannels } from './notifications-schema.js';

/** Team roles from the runbook's contact table. */
export const teamRoles = ['support_n1', 'devops', 'dba', 'backend', 'lead', 'architect'] as const;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'config.clockTime');

const availabilitySchema = z.union([
  z.literal('24/7'),
  z.strictObject({
    /** Days of the week the person can be paged. Default Monday to Friday. */
    days: z
      .array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']))
      .default(['mon', 'tue', 'wed', 'thu', 'fri']),
    /** Start of the window, in the inventory's timezone, e.g. 08:00. */
    from: clockTime,
    /** End of the window, e.g. 18:00. */
    to: clockTime,
  }),
]);

/**
 * One notification rule, like PagerDuty's: page by `channel`, `after` the page started, while
 * nobody has acknowledged, at the `levels` listed. The list's order is the channels' order: when
 * Slack fails, the channels after it go at once.
 */
/** A delay written like a duration (`0s`, `30s`, `5m`), zero allowed, read as milliseconds. */
const delaySchema = z
  .string()
  .refine((text) => readDurationMs(text) !== null, 'a duration such as 0s, 30s or 5m')
  .transform((text) => readDurationMs(text) ?? 0);

const notifyRuleSchema = z.strictObject({
  channel: z.enum(pageChannels),
  /** Delay from the page, e.g. `5m`. Default 0: at once. */
  after: delaySchema.prefault('0s'),
  /** Levels the rule applies at. Default all three. */
  levels: z
    .array(z.enum(['N1', 'N2', 'N3']))
    .min(1)
    .default(() => ['N1' as const, 'N2' as const, 'N3' as const]),
});

/** One notification rule, the delay in milliseconds. */
export type NotifyRule = z.infer<typeof notifyRuleSchema>;

export const personSchema = z.strictObject({
  /** Slack user id, e.g. U024BE7LH. */
  slackId: z.string().regex(/^[UW][A-Z0-9]{2,20}$/, 'config.slackUserId'),
  name: z.string().min(1).max(80),
  roles: z.array(z.enum(teamRoles)).min(1),
  /** When the person may be paged. Default 24/7. */
  availability: availabilitySchema.default('24/7'),
  /** Address of email pages. */
  email: z.email('config.email').optional(),
  /** Number of SMS and voice pages, international format (E.164), e.g. +221770000000. */
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'config.phone')
    .optional(),
  /** How this person is paged, in order. Default: a Slack DM at once (`[{ channel: slack }]`). */
  notify: z.array(notifyRuleSchema).min(1).optional(),
});

/** The team as the inventory lists it. */
export const teamSchema = z.array(personSchema).default([]);

/** A problem of the notification rules, at a path under `team`. */
export interface NotifyProblem {
  path: (string | number)[];
  message: 'config.notify.noContact' | 'config.notify.noGateway' | 'config.notify.twice';
  params: Record<string, string>;
}

/** What a channel needs of the person, and which section of `notifications` carries it. */
const NEEDS = {
  slack: { contact: undefined, section: undefined },
  email: { contact: 'email', section: 'email' },
  sms: { contact: 'phone', section: 'sms' },
  voice: { contact: 'phone', section: 'voice' },
} as const;

/**
 * Rules that cannot page: a channel without the person's address or number, or without its
 * section in `notifications`; the same channel twice at one level (a page goes once per channel).
 * Read defensively: it runs on an inventory whose other fields may be invalid.
 */
export function notifyProblems(
  team: unknown,
  configured: { email?: unknown; sms?: unknown; voice?: unknown } | undefined,
): NotifyProblem[] {
  if (!Array.isArray(team)) return [];
  return team.flatMap((person: Partial<z.infer<typeof personSchema>> | null, index) => {
    const rules = Array.isArray(person?.notify) ? person.notify : [];
    const seen = new Set<string>();
    return rules.flatMap((rule, ruleIndex): NotifyProblem[] => {
      const path = ['team', index, 'notify', ruleIndex, 'channel'];
      const needs = NEEDS[rule?.channel as keyof typeof NEEDS];
      if (!needs) return [];
      const channel = rule.channel;
      const twice = (rule.levels ?? []).filter((level) => seen.has(`${channel}:${level}`));
      for (const level of rule.levels ?? []) seen.add(`${channel}:${level}`);
      if (twice.length > 0)
        return [{ path, message: 'config.notify.twice', params: { channel, levels: twice.join(', ') } }];
      if (needs.contact && !person?.[needs.contact])
        return [{ path, message: 'config.notify.noContact', params: { channel, key: needs.contact } }];
      if (needs.section && !configured?.[needs.section])
        return [
          {
            path,
            message: 'config.notify.noGateway',
            params: { channel, key: `notifications.${needs.section}` },
          },
        ];
      return [];
    });
  });
}
