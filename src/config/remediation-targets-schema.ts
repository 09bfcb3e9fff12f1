import { z } from 'zod';
import { identifier, safeAbsolutePath } from './identifiers.js';

/**
 * What the remediation modules may act on beyond the allow-lists already in the inventory
 * (containers, queues, servers): the compose services that may be scaled and their bounds, the
 * runbook's retention for disk cleanup, and how long an API instance may take to be healthy again.
 */

const scalableServiceSchema = z
  .strictObject({
    /** Compose service name, e.g. `celery_worker_2`. */
    service: identifier,
    /** Compose file on the server, e.g. /opt/samaconso/docker-compose.workers.yml. */
    composeFile: safeAbsolutePath,
    /** Server that runs it (a name from `servers`). Default: the first server of role `workers`. */
    server: identifier.optional(),
    /** Fewest replicas allowed. Default 1. */
    min: z.number().int().min(0).max(100).default(1),
    /** Most replicas allowed. Default 4. */
    max: z.number().int().min(1).max(100).default(4),
  })
  .refine((entry) => entry.min <= entry.max, { message: 'config.minMax', path: ['min'] });

export const remediationTargetsSchema = z
  .strictObject({
    /** Compose services `scale` may change. Default: the runbook's `celery_worker_2`, 1..4. */
    scalable: z.array(scalableServiceSchema).default([
      {
        service: 'celery_worker_2',
        composeFile: '/opt/samaconso/docker-compose.workers.yml',
        min: 1,
        max: 4,
      },
    ]),
    /** `docker image prune --filter until=Nh`. Default 72 (runbook daily script). */
    imagePruneHours: z.number().int().min(1).max(8760).default(72),
    /** `journalctl --vacuum-time=Nd`. Default 3 (runbook Problème 4). */
    journaldDays: z.number().int().min(1).max(365).default(3),
    /** How long a restarted API instance has to answer /health 2xx again, ms. Default 60000. */
    healthTimeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
  })
  .prefault({});

/** The remediation targets, defaults applied. */
export type RemediationTargets = z.infer<typeof remediationTargetsSchema>;
