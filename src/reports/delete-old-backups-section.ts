import { remoteFailure } from '../checks/remote/server-targets.js';
import { byteCount, msg } from '../i18n/message.js';
import { errorReason } from '../logging/error-reason.js';
import { deleteOldBackupFiles } from '../remote/remote-commands.js';
import { appendAuditNow } from '../store/audit/audit-log.js';
import { linesSection } from './lines-section.js';
import { DELETE_BACKUPS_BUDGET_MS, MAINTENANCE_MARGIN_MS } from './maintenance-budgets.js';
import type { ReportLine } from './report-model.js';
import { stderrReason } from './stderr-reason.js';

/**
 * Runbook §9.2 `find /data/backups -type f -mtime +30 -delete`, as a scheduled maintenance step:
 * only for `reports.backups` entries with `deleteOld: true`, only in scheduled runs, and only with
 * the audit log at hand (written before and after, like a remediation), within DELETE_BACKUPS_BUDGET_MS.
 * Reports the space freed: only files actually deleted count (find prints a size after `-delete`
 * succeeded), and a find that exits non-zero (a file it could not delete) makes the step failed.
 */
export const deleteOldBackups = linesSection(
  'backups-deleted',
  msg('report.section.backupsDeleted'),
  async ({ inventory, clients, pool, maintenance, signal }) => {
    const enabled = inventory.reports.backups.filter((backup) => backup.deleteOld);
    if (!maintenance || enabled.length === 0) return [];
    const days = inventory.reports.backupRetentionDays;
    return Promise.all(
      enabled.map(async ({ server: name, directory }): Promise<ReportLine> => {
        const label = `${name}:${directory}`;
        const server = inventory.servers.find((candidate) => candidate.name === name);
        if (!server || !pool) return { label, status: 'unknown', text: msg('report.maintenance.noAudit') };
        const allowed = inventory.reports.backups
          .filter((backup) => backup.server === name)
          .map((backup) => backup.directory);
        const command = deleteOldBackupFiles(server, directory, allowed, days);
        const detail = { server: name, directory, olderThanDays: days };
        await appendAuditNow(pool, {
          actor: 'samaops',
          action: 'maintenance.delete-old-backups.started',
          detail,
        });
        try {
          const output = await clients.ssh.run(server, command, signal, DELETE_BACKUPS_BUDGET_MS);
          const files = output.numbers?.count ?? 0;
          const bytes = output.numbers?.sum ?? 0;
          const size = byteCount(bytes);
          if (output.code !== 0) {
            const reason = stderrReason(output.stderr);
            await appendAuditNow(pool, {
              actor: 'samaops',
              action: 'maintenance.delete-old-backups.failed',
              detail: { ...detail, files, bytesFreed: bytes, code: output.code, reason },
            });
            return {
              label,
              status: 'fail',
              text: msg('report.maintenance.deleteFailed', {
                count: files,
                size,
                code: output.code ?? '—',
                reason,
              }),
              value: bytes,
              unit: 'bytes',
            };
          }
          await appendAuditNow(pool, {
            actor: 'samaops',
            action: 'maintenance.delete-old-backups.succeeded',
            detail: { ...detail, files, bytesFreed: bytes },
          });
          return {
            label,
            status: 'ok',
            text: msg('report.maintenance.deleted', { count: files, size }),
            value: bytes,
            unit: 'bytes',
          };
        } catch (error) {
          await appendAuditNow(pool, {
            actor: 'samaops',
            action: 'maintenance.delete-old-backups.failed',
            detail: { ...detail, reason: errorReason(error) },
          });
          const failure = remoteFailure(error);
          return { label, status: failure.status, text: failure.detail, value: null };
        }
      }),
    );
  },
  // Directories are deleted in parallel, each within its budget.
  { timeoutMs: DELETE_BACKUPS_BUDGET_MS + MAINTENANCE_MARGIN_MS, mutating: true },
);
