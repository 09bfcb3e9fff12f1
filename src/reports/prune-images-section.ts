import { remoteFailure } from '../checks/remote/server-targets.js';
import { byteCount, msg } from '../i18n/message.js';
import { errorReason } from '../logging/error-reason.js';
import { dockerImagePrune } from '../remote/remote-commands.js';
import { appendAuditNow } from '../store/audit/audit-log.js';
import { linesSection } from './lines-section.js';
import { MAINTENANCE_MARGIN_MS, PRUNE_IMAGES_BUDGET_MS } from './maintenance-budgets.js';
import type { ReportLine } from './report-model.js';
import { stderrReason } from './stderr-reason.js';

/** Docker prints sizes in decimal units (`12.5MB`). */
const DOCKER_UNITS: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };

/** `Total reclaimed space: 12.5MB` → bytes; null when the line is absent (docker always prints it on success). */
export function reclaimedBytes(stdout: string): number | null {
  const match = /Total reclaimed space:\s*([\d.]+)\s*([kKMGT]?B)/.exec(stdout);
  if (!match) return null;
  return Math.round(Number(match[1]) * (DOCKER_UNITS[match[2] ?? 'B'] ?? 1));
}

/**
 * Runbook §9.1 `docker image prune -af --filter until=72h` as a scheduled maintenance step, only on
 * the servers of `reports.pruneImagesOn`, only in scheduled runs, audited before and after, within
 * PRUNE_IMAGES_BUDGET_MS (pruning takes minutes, not a probe's seconds). A prune docker refused
 * (exit code not 0) is a failed step, with docker's words.
 */
export const pruneImages = linesSection(
  'images-pruned',
  msg('report.section.imagesPruned'),
  async ({ inventory, clients, pool, maintenance, signal }) => {
    if (!maintenance) return [];
    const hours = inventory.remediationTargets.imagePruneHours;
    const servers = inventory.servers.filter((server) =>
      inventory.reports.pruneImagesOn.includes(server.name),
    );
    return Promise.all(
      servers.map(async (server): Promise<ReportLine> => {
        if (!pool) return { label: server.name, status: 'unknown', text: msg('report.maintenance.noAudit') };
        const detail = { server: server.name, olderThanHours: hours };
        await appendAuditNow(pool, { actor: 'samaops', action: 'maintenance.image-prune.started', detail });
        try {
          // Docker's total is its last line: output past the cap keeps its end (remoteFormTraits).
          const output = await clients.ssh.run(
            server,
            dockerImagePrune(server, hours),
            signal,
            PRUNE_IMAGES_BUDGET_MS,
          );
          if (output.code !== 0) {
            const reason = stderrReason(output.stderr);
            await appendAuditNow(pool, {
              actor: 'samaops',
              action: 'maintenance.image-prune.failed',
              detail: { ...detail, code: output.code, reason },
            });
            return {
              label: server.name,
              status: 'fail',
              text: msg('report.maintenance.pruneFailed', { code: output.code ?? '—', reason }),
              value: null,
            };
          }
          const bytes = reclaimedBytes(output.stdout);
          await appendAuditNow(pool, {
            actor: 'samaops',
            action: 'maintenance.image-prune.succeeded',
            detail: { ...detail, bytesFreed: bytes },
          });
          return {
            label: server.name,
            status: 'ok',
            text:
              bytes === null
                ? msg('report.maintenance.prunedUnknownSize', { hours })
                : msg('report.maintenance.pruned', { size: byteCount(bytes), hours }),
            value: bytes,
            unit: 'bytes',
          };
        } catch (error) {
          await appendAuditNow(pool, {
            actor: 'samaops',
            action: 'maintenance.image-prune.failed',
            detail: { ...detail, reason: errorReason(error) },
          });
          const failure = remoteFailure(error);
          return { label: server.name, status: failure.status, text: failure.detail, value: null };
        }
      }),
    );
  },
  { timeoutMs: PRUNE_IMAGES_BUDGET_MS + MAINTENANCE_MARGIN_MS, mutating: true },
);
