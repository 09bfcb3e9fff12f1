import { z } from 'zod';
import { readDurationMs } from './duration.js';

const teamRoleNames = ['support_n1', 'devops', 'dba', 'backend', 'lead', 'architect'] as const;

/** A duration written `500ms`, `30s`, `15m`, `4h` or `1d` (`readDurationMs`), read as milliseconds. */
export const durationSchema = z
  .string()
  .refine((text) => readDurationMs(text) !== null, 'config.duration.invalid')
  .transform((text) => readDurationMs(text) ?? 0)
  .refine((ms) => ms >= 100, 'config.duration.min');

const level = (
  roles: (typeof teamRoleNames)[number][],
  resolveWithin: string,
  ackTimeout: string,
  repeatEvery: string,
) =>
  z
    .strictObject({
      /** Roles paged at this level (people with one of these roles, available now or overriding). */
      roles: z
        .array(z.enum(teamRoleNames))
        .min(1)
        .default(() => [...roles]),
      /** Without an acknowledgement within this time, the incident goes up one level. */
      ackTimeout: durationSchema.prefault(ackTimeout),
      /** While unacknowledged, the people of this level are paged again this often. */
      repeatEvery: durationSchema.prefault(repeatEvery),
      /** Past this time after reaching the level, "SLA dépassé": escalate (at N3: page again). */
      resolveWithin: durationSchema.prefault(resolveWithin),
    })
    .prefault({});

const autoOpenRuleSchema = z.strictObject({
  /** A check id (`api.health`) or a prefix ending with `*` (`disk.*`). */
  check: z.string().min(1),
  /** Only this target (server or service name); absent: any target. */
  target: z.string().min(1).optional(),
  /** Level the incident opens at. */
  level: z.enum(['N1', 'N2', 'N3']),
  /** Only when at least this many targets of the check fail together (both API instances → N3); default 1. */
  atLeast: z.number().int().min(1).optional(),
});

/** Watch mode: a playbook run on a schedule, its failures opening incidents past a flap guard. */
const watchSchema = z
  .strictObject({
    /** Playbook run at each tick; `off` disables the watch. The playbook ids, spelt here (importing them would be circular); a test keeps both lists equal. */
    playbook: z.enum(['all', 'api', 'notifications', 'db', 'disk', 'redis', 'off']).default('all'),
    /** Interval between two runs (one run per tick across every replica). */
    every: durationSchema.prefault('60s'),
    /** Consecutive failing runs before an incident opens (Prometheus's `for:`). */
    failuresBeforeOpen: z.number().int().min(1).default(3),
    /** Healthy this long, the incident gets a "rétabli" event and Resolve is proposed. */
    healthyBeforeRecovery: durationSchema.prefault('5m'),
    /** Resolve the incident on recovery instead of proposing it. */
    autoResolve: z.boolean().default(false),
  })
  .prefault({});

const levelName = z.enum(['N1', 'N2', 'N3']);

/** Alert intake (Alertmanager, Grafana): who may post, and how labels map to a level. */
const intakeSchema = z
  .strictObject({
    /** Bearer token the senders present (`tokenFile` or `${ENV}` keep it out of the inventory). */
    token: z.string().min(16, 'config.atLeastChars').optional(),
    /** Basic auth instead of (or besides) the token. */
    username: z.string().min(1).optional(),
    password: z.string().min(8, 'config.atLeastChars').optional(),
    /** Label sets mapped to a level, first match wins (e.g. `{ labels: { service: api }, level: N3 }`); before `label`. */
    rules: z
      .array(
        z.strictObject({
          labels: z.record(z.string().min(1), z.string()).refine((labels) => Object.keys(labels).length > 0, {
            message: 'config.atLeastOneLabel',
          }),
          level: levelName,
        }),
      )
      .default([]),
    /** The label read for the level when no rule matches. */
    label: z.string().min(1).default('severity'),
    /** Label value → level. */
    levels: z.record(z.string(), levelName).default({ critical: 'N3', warning: 'N2', info: 'N1' }),
    /** Level of an alert whose label is absent or unmapped. */
    defaultLevel: levelName.default('N2'),
    /** Resolve the incident when its alert resolves, instead of proposing it. */
    autoResolve: z.boolean().default(false),
  })
  .refine((intake) => (intake.username === undefined) === (intake.password === undefined), {
    message: 'config.userAndPassword',
  })
  .optional();

/**
 * N1/N2/N3 escalation policy (runbook "Escalade"). Frozen onto each incident when it opens.
 * On-call overrides and maintenance windows are runtime data in the bot's database, not here.
 */
export const escalationPolicySchema = z
  .strictObject({
    levels: z
      .strictObject({
        N1: level(['support_n1'], '4h', '15m', '10m'),
        N2: level(['devops', 'dba'], '2h', '10m', '5m'),
        N3: level(['lead', 'architect'], '30m', '5m', '5m'),
      })
      .prefault({}),
    /** Failing checks that open an incident by themselves, first matching rule wins. */
    autoOpen: z.array(autoOpenRuleSchema).default([]),
    watch: watchSchema,
    /** Absent: no alert endpoint. */
    intake: intakeSchema,
    /** Channel where incidents are posted. Default: the first of `slack.channels`. */
    channel: z
      .string()
      .regex(/^[CG][A-Z0-9]{2,20}$/, 'config.slackChannelId')
      .optional(),
  })
  .prefault({});

/** The escalation section of the inventory, durations in milliseconds. */
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;
