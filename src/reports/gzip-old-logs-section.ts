import { remoteFailure } from '../checks/remote/server-targets.js';
import { byteCount, msg } from '../i18n/message.js';
import { errorReason } from '../logging/error-reason.js';
import { gzipOldLogs } from '../remote/remote-commands.js';
import { appendAuditNow } from '../store/audit/audit-log.js';
import { gzipOutcome } from './gzip-saved-bytes.js';
import { linesSection } from './lines-section.js';
import { GZIP_LOGS_BUDGET_MS, MAINTENANCE_MARGIN_MS } from './maintenance-budgets.js';
import type { ReportLine } from './report-model.js';

/**
 * Runbook §9.2 log rotation (`find … -mtime +7 -exec gzip {} \;`) as a scheduled maintenance step,
 * only on the servers of `reports.gzipLogsOn`, only in scheduled runs, audited before and after,
 * within GZIP_LOGS_BUDGET_MS per server. A gzip that failed on a file (find exits non-zero) makes
 * the step failed, with gzip's words; output past the cap makes the counts lower bounds, and says so.
 */
export const gzipLogs = linesSection(
  'logs-gzipped',
  msg('report.section.logsGzipped'),
  async ({ inventory, clients, pool, maintenance, signal }) => {
    if (!maintenance) return [];
    const days = inventory.reports.logCompressAfterDays;
    const servers = inventory.servers.filter(
      (server) => inventory.reports.gzipLogsOn.includes(server.name) && server.logGlobs.length > 0,
    );
    return Promise.all(
      servers.map(async (server): Promise<ReportLine> => {
        if (!pool) return { label: server.name, status: 'unknown', text: msg('report.maintenance.noAudit') };
        const detail = { server: server.name, globs: server.logGlobs, olderThanDays: days };
        await appendAuditNow(pool, { actor: 'samaops', action: 'maintenance.gzip-logs.started', detail });
        try {
          let files = 0;
          let bytes = 0;
          let truncated = false;
          let failure: { code: number | string; reason: string } | undefined;
          // One budget for the server's globs together, so that the collector's deadline holds.
          const deadline = performance.now() + GZIP_LOGS_BUDGET_MS;
          for (const glob of server.logGlobs) {
            const budget = Math.max(1, Math.round(deadline - performance.now()));
            const result = await clients.ssh.run(server, gzipOldLogs(server, glob, days), signal, budget);
            const outcome = gzipOutcome(result.stdout, result.stderr);
            files += outcome.files;
            bytes += outcome.bytes;
            truncated ||= result.truncated;
            if (result.code !== 0) failure ??= { code: result.code ?? '—', reason: outcome.problem ?? '—' };
          }
          const size = byteCount(bytes);
          await appendAuditNow(pool, {
            actor: 'samaops',
            action: failure ? 'maintenance.gzip-logs.failed' : 'maintenance.gzip-logs.succeeded',
            detail: { ...detail, files, bytesFreed: bytes, ...(truncated ? { truncated } : {}), ...failure },
          });
          return {
            label: server.name,
            status: failure ? 'fail' : 'ok',
            text: failure
              ? msg('report.maintenance.gzipFailed', { count: files, size, ...failure })
              : truncated
                ? msg('report.maintenance.gzippedAtLeast', { count: files, size })
                : msg('report.maintenance.gzipped', { count: files, size }),
            value: bytes,
            unit: 'bytes',
          };
        } catch (error) {
          await appendAuditNow(pool, {
            actor: 'samaops',
            action: 'maintenance.gzip-logs.failed',
            detail: { ...detail, reason: errorReason(error) },
          });
          const failure = remoteFailure(error);
          return { label: server.name, status: failure.status, text: failure.detail, value: null };
        }
      }),
    );
  },
  { timeoutMs: GZIP_LOGS_BUDGET_MS + MAINTENANCE_MARGIN_MS, mutating: true },
);
