import { msg } from '../i18n/message.js';
import { checkSection } from './check-section.js';
import type { ReportCollector } from './report-collector.js';

/** Runbook §9.1 daily maintenance, read-only: disk per mount, containers, log errors, PostgreSQL and Redis. */
export const dailyCollectors: readonly ReportCollector[] = [
  checkSection('disk', 'disk.usage', msg('report.section.disk')),
  checkSection('containers', 'docker.containers', msg('report.section.containers')),
  checkSection('log-errors', 'logs.errors', msg('report.section.logErrors')),
  checkSection('postgres', 'postgres.ping', msg('report.section.postgres')),
  checkSection('redis', 'redis.ping', msg('report.section.redis')),
];
