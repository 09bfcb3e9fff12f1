import type { Remediation, RemediationId } from '../../core/remediation/remediation.js';
import { flushRedis } from './flush-redis.js';
import { freeDisk } from './free-disk.js';
import { purgeQueue } from './purge-queue.js';
import { restartContainers } from './restart-containers.js';
import { scaleService } from './scale-service.js';
import { terminateLongQueries } from './terminate-long-queries.js';
import { vacuumAnalyze } from './vacuum-analyze.js';

/** The runbook's remediations, by id. */
export const remediations = {
  restart: restartContainers,
  purge: purgeQueue,
  'kill-queries': terminateLongQueries,
  vacuum: vacuumAnalyze,
  scale: scaleService,
  cleanup: freeDisk,
  'flush-redis': flushRedis,
} satisfies Record<RemediationId, Remediation>;
