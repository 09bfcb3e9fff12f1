import { msg } from '../i18n/message.js';
import { checkSection } from './check-section.js';
import { deleteOldBackups } from './delete-old-backups-section.js';
import { gzipLogs } from './gzip-old-logs-section.js';
import { oldBackups, oldLogs } from './old-files-sections.js';
import { indexCandidates, largestTables, slowestStatements, unusedIndexes } from './postgres-sections.js';
import { pruneImages } from './prune-images-section.js';
import { rabbitmqQueues } from './rabbitmq-overview-section.js';
import { redisStats } from './redis-stats-section.js';
import type { ReportCollector } from './report-collector.js';

/**
 * Runbook §9.2 weekly maintenance: PostgreSQL sizes, indexes and statements, Redis, RabbitMQ,
 * Celery, old backups and logs, read-only; then, in scheduled runs where the inventory enables
 * them, the maintenance steps (mutating: collected after every read, so the old backups and logs
 * shown are those found before the steps ran).
 */
export const weeklyCollectors: readonly ReportCollector[] = [
  largestTables,
  indexCandidates,
  unusedIndexes,
  slowestStatements,
  redisStats,
  rabbitmqQueues,
  checkSection('celery-workers', 'celery.workers', msg('report.section.celeryWorkers')),
  oldBackups,
  oldLogs,
  deleteOldBackups,
  gzipLogs,
  pruneImages,
];
