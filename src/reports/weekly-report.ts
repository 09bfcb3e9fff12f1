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

/** Runbook §9.2 weekly maintenance, read-only: PostgreSQL sizes, indexes and statements, Redis, RabbitMQ, Celery. */
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
