import { z } from 'zod';
import { msg } from '../i18n/message.js';
import { escalationPolicySchema } from './escalation-policy-schema.js';
import { identifier, safeAbsolutePath, safeGlob } from './identifiers.js';
import { notificationsSchema } from './notifications-schema.js';
import { remediationPolicySchema } from './remediation-policy-schema.js';
import { remediationTargetsSchema } from './remediation-targets-schema.js';
import { reportsSchema } from './reports-schema.js';
import { serverRoles, serverSchema } from './server-schema.js';
import { sloSchema } from './slo-schema.js';
import { notifyProblems, teamRoles, teamSchema } from './team-schema.js';

export { identifier, safeAbsolutePath, safeGlob, serverRoles, serverSchema, teamRoles };

/**
 * The inventory: everything samaops knows about the platform it watches.
 * Validated once at start-up; inside the program it is plain typed data (`Inventory`).
 * Secrets reach these fields already resolved from `${ENV}` references or `*File` paths
 * (see resolve-secrets.ts).
 */

const url = (protocols: string[]) =>
  z
    .string()
    .refine((value) => URL.canParse(value), 'config.url.invalid')
    .refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), {
      message: 'config.url.protocol',
      params: { protocols: protocols.map((p) => `${p}//`).join(' | ') },
    });

/** A warn/fail pair. `direction: above` means bigger is worse. */
const band = (warn: number, fail: number) =>
  z
    .object({ warn: z.number().nonnegative().default(warn), fail: z.number().nonnegative().default(fail) })
    .default({ warn, fail });

const apiInstanceSchema = z.strictObject({
  /** Instance name, usually its container name, e.g. `samaconso_api_1`. */
  name: identifier,
  /** Its health endpoint, e.g. http://10.101.0.2:8001/health. */
  healthUrl: url(['http:', 'https:']),
  /** Server the instance runs on (a name from `servers`). */
  server: identifier.optional(),
});

const servicesSchema = z.strictObject({
  postgres: z
    .strictObject({
      /** Connection URL, through PgBouncer in production (port 6432). */
      url: url(['postgres:', 'postgresql:']),
      /** Connection limit the `postgres.connections` check compares against. Default: read from the server. */
      maxConnections: z.number().int().positive().optional(),
    })
    .optional(),
  redis: z.strictObject({ url: url(['redis:', 'rediss:']) }).optional(),
  rabbitmq: z
    .strictObject({
      /** AMQP URL, e.g. amqp://user:pass@host:5672/vhost. */
      url: url(['amqp:', 'amqps:']),
      /** Management API base URL (port 15672): the weekly report's rates, `rabbitmq.priority`'s unacknowledged counts. */
      managementUrl: url(['http:', 'https:']).optional(),
      /** Queues checked, highest priority first (`rabbitmq.priority`). Default: the runbook's four Celery queues. */
      queues: z.array(identifier).default(['urgent', 'high_priority', 'normal', 'low_priority']),
    })
    .optional(),
  flower: z
    .strictObject({
      /** Flower base URL (port 5555); `/api/workers` is appended. */
      url: url(['http:', 'https:']),
      username: z.string().optional(),
      password: z.string().optional(),
      /** Live Celery workers expected. Default 2 (worker_1 and worker_2). */
      expectedWorkers: z.number().int().nonnegative().default(2),
    })
    .optional(),
  minio: z
    .strictObject({
      /** MinIO base URL; `/minio/health/live` is appended. */
      url: url(['http:', 'https:']),
    })
    .optional(),
  /** Read-only instant queries for the SLOs the bot's probes cannot measure (`slo.httpErrors`). */
  prometheus: z
    .strictObject({
      /** Prometheus base URL, e.g. http://10.101.0.5:9090; `/api/v1/query` is appended. */
      url: url(['http:', 'https:']),
      /** Bearer token, when Prometheus sits behind one (`tokenFile` or `${ENV}`). */
      token: z.string().min(1).optional(),
    })
    .optional(),
  /** API instances behind the load balancer. */
  api: z.array(apiInstanceSchema).default([]),
});

/** Bands where a lower value is worse, so `warn` sits above `fail`. */
const LOWER_IS_WORSE = new Set(['cacheHitPercent']);

export const thresholdsSchema = z
  .strictObject({
    /** API /health latency, ms. Default 500 / 1000 (runbook success metrics). */
    apiLatencyMs: band(500, 1000),
    /** Database `SELECT 1` latency, ms. Default 100 / 500. */
    dbLatencyMs: band(100, 500),
    /** Disk use, percent. Default 85 / 95. */
    diskPercent: band(85, 95),
    /** ERROR/CRITICAL lines in application logs. Default 100 / 1000. */
    logErrors: band(100, 1000),
    /** PostgreSQL cache hit ratio, percent; lower is worse. Default 99 / 95. */
    cacheHitPercent: band(99, 95),
    /** Connections used, percent of the limit. Default 80 / 95. */
    connectionsPercent: band(80, 95),
    /** Redis memory used, percent of maxmemory. Default 80 / 95. */
    redisMemoryPercent: band(80, 95),
    /** Ready messages in one queue. Default 1000 / 10000. */
    queueDepth: band(1000, 10000),
    /**
     * Ready messages in a higher-priority queue above which `rabbitmq.priority` warns while a
     * lower-priority queue's consumers are busy. Default 10: a few ready messages are the usual
     * lag between a publish and a worker's next prefetch, not an inversion.
     */
    priorityBacklog: z.number().int().nonnegative().default(10),
    /** A query running longer than this is "long", seconds. Default 300 (5 minutes). */
    longQuerySeconds: z.number().positive().default(300),
    /** Mean execution time above which a statement is "slow", ms. Default 1000 (runbook weekly script). */
    slowStatementMs: z.number().positive().default(1000),
  })
  .superRefine((thresholds, ctx) => {
    for (const [name, band] of Object.entries(thresholds)) {
      if (typeof band !== 'object') continue;
      const lowerIsWorse = LOWER_IS_WORSE.has(name);
      if (lowerIsWorse ? band.warn >= band.fail : band.warn <= band.fail) continue;
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: 'config.threshold.order',
        params: {
          warn: band.warn,
          fail: band.fail,
          order: msg(lowerIsWorse ? 'config.threshold.orderBelow' : 'config.threshold.orderAbove'),
        },
      });
    }
  })
  .prefault({});

const slackSchema = z.strictObject({
  /** Channel ids the bot answers in (#samaconso-prod). Commands from elsewhere are refused. */
  channels: z.array(z.string().regex(/^[CGD][A-Z0-9]{2,20}$/, 'config.slackChannelId')).default([]),
  /**
   * Answers to one person (ephemeral replies, DMs) in that person's Slack language when it is fr or
   * en (users.info, scope users:read); channel messages stay in `locale`. Default true.
   */
  personalLocale: z.boolean().default(true),
});

export const inventorySchema = z
  .strictObject({
    /** Name shown in reports. Default "SamaConso". */
    platform: z.string().min(1).default('SamaConso'),
    /** IANA timezone for schedules, availability windows and times shown. Default Africa/Dakar. */
    timezone: z
      .string()
      .default('Africa/Dakar')
      .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', 'config.timezone'),
    /** Language of user-facing text. Default fr. */
    locale: z.enum(['fr', 'en']).default('fr'),
    /** Each check's own time budget, ms. Default 3000. */
    checkTimeoutMs: z.number().int().min(50).max(60_000).default(3000),
    servers: z.array(serverSchema).default([]),
    services: servicesSchema.prefault({}),
    thresholds: thresholdsSchema,
    slack: slackSchema.prefault({}),
    /** The people who may use the bot: roles, availability, how they are paged (see team-schema.ts). */
    team: teamSchema,
    /** Guarded remediations: approvals, cooldowns, caps (see remediation-policy-schema.ts). */
    remediations: remediationPolicySchema,
    /** What remediations may act on beyond the allow-lists: scalable services, retention (see remediation-targets-schema.ts). */
    remediationTargets: remediationTargetsSchema,
    /** N1/N2/N3 escalation and on-call (see escalation-policy-schema.ts). */
    escalation: escalationPolicySchema,
    /** Scheduled maintenance reports: cron patterns and channel (see reports-schema.ts). */
    reports: reportsSchema,
    /** Service level objectives from the watch's runs, and burn-rate incidents (see slo-schema.ts). */
    slo: sloSchema,
    /** Email, SMS and voice pages besides Slack, and Slack's failover (see notifications-schema.ts). */
    notifications: notificationsSchema,
  })
  .superRefine(
    (inventory, ctx) => {
      // Runs even when other fields are invalid (`when`), so that every problem is listed at once:
      // fields may therefore be malformed here and are read defensively.
      const servers = Array.isArray(inventory.servers) ? inventory.servers : [];
      const names = new Set<string>();
      servers.forEach((server, index) => {
        if (typeof server !== 'object' || server === null) return;
        if (names.has(server.name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['servers', index, 'name'],
            message: 'config.server.duplicate',
            params: { name: server.name },
          });
        }
        names.add(server.name);
        if (!server.hostKeyFingerprint && server.insecureAcceptAnyHostKey !== true) {
          ctx.addIssue({
            code: 'custom',
            path: ['servers', index, 'hostKeyFingerprint'],
            message: 'config.server.hostKeyMissing',
          });
        }
        if (!server.privateKey) {
          ctx.addIssue({
            code: 'custom',
            path: ['servers', index, 'privateKeyFile'],
            message: 'config.server.privateKeyMissing',
          });
        }
      });
      for (const problem of notifyProblems(inventory.team, inventory.notifications))
        ctx.addIssue({ code: 'custom', ...problem });
      const apis = Array.isArray(inventory.services?.api) ? inventory.services.api : [];
      apis.forEach((instance, index) => {
        if (instance?.server && !names.has(instance.server)) {
          ctx.addIssue({
            code: 'custom',
            path: ['services', 'api', index, 'server'],
            message: 'config.server.unknown',
            params: { server: instance.server, known: [...names].join(', ') || '—' },
          });
        }
      });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type Inventory = z.infer<typeof inventorySchema>;
export type Server = Inventory['servers'][number];
export type ServerRole = Server['role'];
export type ApiInstance = Inventory['services']['api'][number];
export type Thresholds = Inventory['thresholds'];
export type Band = Thresholds['apiLatencyMs'];
export type Person = Inventory['team'][number];
export type TeamRole = Person['roles'][number];
