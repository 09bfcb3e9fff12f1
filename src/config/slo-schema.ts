import { z } from 'zod';
import { checkIds } from './check-ids.js';
import { durationSchema } from './escalation-policy-schema.js';
import { identifier } from './identifiers.js';

/** A percentage objective where higher is better: `critical` sits below `target`. */
const percentObjective = (target: number, critical: number) =>
  z
    .strictObject({
      /** The objective, percent. */
      target: z.number().gt(0).lt(100).default(target),
      /** Below this, the report says fail rather than warn. */
      critical: z.number().gt(0).lt(100).default(critical),
    })
    .refine((band) => band.critical <= band.target, { message: 'config.slo.criticalAboveTarget' })
    .prefault({});

const latencyObjectiveSchema = z
  .strictObject({
    /** The check whose measured value (ms) is the latency, e.g. `api.health`. */
    check: z.enum(checkIds),
    /** The p95 must stay below this, ms. */
    targetMs: z.number().positive(),
    /** Above this p95, the report says fail rather than warn, ms. */
    criticalMs: z.number().positive(),
  })
  .refine((band) => band.criticalMs >= band.targetMs, { message: 'config.slo.criticalBelowTarget' });

const serviceObjectiveSchema = z.strictObject({
  /** The service's name in reports and incidents, e.g. `api`. */
  name: identifier,
  /** The checks whose results decide whether a minute is up (all OK or warn) or down (one failed). */
  checks: z.array(z.enum(checkIds)).min(1),
  /** Availability objective. Default 99.9 % (critical 99.5 %), the runbook's "Disponibilité". */
  availability: percentObjective(99.9, 99.5),
  /** p95 latency objective; absent, the service has none. */
  latency: latencyObjectiveSchema.optional(),
});

/** An objective only Prometheus can measure: its query gives a percentage over `$window`. */
const prometheusObjective = (target: number, critical: number, direction: 'below' | 'above') =>
  z
    .strictObject({
      /** The objective, percent. */
      target: z.number().min(0).max(100).default(target),
      /** Past this, fail rather than warn. */
      critical: z.number().min(0).max(100).default(critical),
      /** PromQL instant query giving a percentage; `$window` becomes the period (e.g. `2592000s`). Absent: not measured. */
      query: z.string().min(1).max(2000).optional(),
    })
    .refine((band) => (direction === 'below' ? band.critical >= band.target : band.critical <= band.target), {
      message: direction === 'below' ? 'config.slo.criticalBelowTarget' : 'config.slo.criticalAboveTarget',
    })
    .prefault({});

const burnLevel = z.enum(['N1', 'N2', 'N3', 'off']);

/**
 * Service level objectives (issue 20), computed from the watch's own runs: the runbook's
 * "Métriques de Succès" are the defaults.
 */
export const sloSchema = z
  .strictObject({
    /** The services whose SLOs are computed. Default: `api` (api.health, p95 < 500 ms, critical 1 s) and `db` (postgres.ping, p95 < 100 ms, critical 500 ms). */
    services: z.array(serviceObjectiveSchema).default([
      {
        name: 'api',
        checks: ['api.health'],
        availability: { target: 99.9, critical: 99.5 },
        latency: { check: 'api.health', targetMs: 500, criticalMs: 1000 },
      },
      {
        name: 'db',
        checks: ['postgres.ping'],
        availability: { target: 99.9, critical: 99.5 },
        latency: { check: 'postgres.ping', targetMs: 100, criticalMs: 500 },
      },
    ]),
    /** HTTP error rate, percent of requests: < 0.1 % (critical 1 %). Needs `services.prometheus.url` and a query. */
    httpErrors: prometheusObjective(0.1, 1, 'below'),
    /** Notifications sent, percent: > 95 % (critical 90 %). Needs `services.prometheus.url` and a query. */
    notificationsSent: prometheusObjective(95, 90, 'above'),
    /** How long the watch's per-minute series is kept. Default 90 days; at least 35 (a whole month and the report's day). */
    retention: durationSchema
      .prefault('90d')
      .refine((ms) => ms >= 35 * 86_400_000, { message: 'config.slo.retentionShort' }),
    /** Burn-rate incidents (Google's SRE workbook, multi-window): the level each rule opens at, or `off`. */
    burnRate: z
      .strictObject({
        /** 14.4× the budget over 1 h and over 5 min. Default N2. */
        fast: burnLevel.default('N2'),
        /** 6× the budget over 6 h and over 30 min. Default N1. */
        slow: burnLevel.default('N1'),
      })
      .prefault({}),
  })
  .refine((slo) => new Set(slo.services.map((service) => service.name)).size === slo.services.length, {
    message: 'config.slo.duplicateService',
    path: ['services'],
  })
  .prefault({});

/** The slo section of the inventory, durations in milliseconds. */
export type SloConfig = z.infer<typeof sloSchema>;
/** One service's objectives. */
export type ServiceObjective = SloConfig['services'][number];
