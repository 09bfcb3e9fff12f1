import { remoteFailure } from '../checks/remote/server-targets.js';
import type { Server } from '../config/schema.js';
import { byteCount, msg } from '../i18n/message.js';
import { oldBackupFiles, oldUncompressedLogs, type RemoteCommand } from '../remote/remote-commands.js';
import { linesSection } from './lines-section.js';
import type { CollectContext } from './report-collector.js';
import type { ReportLine } from './report-model.js';
import { stderrReason } from './stderr-reason.js';

/**
 * Runs the commands on one server and sums what they found: find's sizes, counted whole however
 * many (a `numbers` form). A find that failed (a directory missing or unreadable) makes the line
 * unknown with find's own words: its count would be partial. An unreachable server is its own line.
 */
async function oldFilesLine(
  context: CollectContext,
  server: Server,
  label: string,
  commands: readonly RemoteCommand[],
  metric: string,
  days: number,
): Promise<ReportLine> {
  try {
    let count = 0;
    let bytes = 0;
    for (const command of commands) {
      const output = await context.clients.ssh.run(server, command, context.signal);
      if (output.code !== 0 || !output.numbers) {
        const reason = stderrReason(output.stderr);
        return {
          label,
          status: 'unknown',
          text: msg('report.find.failed', { code: output.code ?? '—', reason }),
          metric,
          value: null,
        };
      }
      count += output.numbers.count;
      bytes += output.numbers.sum;
    }
    return {
      label,
      status: count > 0 ? 'warn' : 'ok',
      text: msg('report.oldFiles', { count, days, size: byteCount(bytes) }),
      metric,
      value: count,
      unit: 'count',
    };
  } catch (error) {
    const failure = remoteFailure(error);
    return { label, status: failure.status, text: failure.detail, metric, value: null };
  }
}

/** Runbook §9.2 `find /data/backups -type f -mtime +30`: what the deletion would remove, per configured directory. */
export const oldBackups = linesSection('old-backups', msg('report.section.oldBackups'), async (context) => {
  const { backups, backupRetentionDays } = context.inventory.reports;
  return Promise.all(
    backups.flatMap(({ server: name, directory }) => {
      const server = context.inventory.servers.find((candidate) => candidate.name === name);
      if (!server) return [];
      const allowed = backups.filter((backup) => backup.server === name).map((backup) => backup.directory);
      const command = oldBackupFiles(server, directory, allowed, backupRetentionDays);
      return [
        oldFilesLine(
          context,
          server,
          `${name}:${directory}`,
          [command],
          `old-backups:${name}:${directory}`,
          backupRetentionDays,
        ),
      ];
    }),
  );
});

/** Runbook §9.2 log rotation: log files past `logCompressAfterDays` still not gzipped, per server. */
export const oldLogs = linesSection('old-logs', msg('report.section.oldLogs'), async (context) => {
  const days = context.inventory.reports.logCompressAfterDays;
  return Promise.all(
    context.inventory.servers
      .filter((server) => server.logGlobs.length > 0)
      .map((server) =>
        oldFilesLine(
          context,
          server,
          server.name,
          server.logGlobs.map((glob) => oldUncompressedLogs(server, glob, days)),
          `old-logs:${server.name}`,
          days,
        ),
      ),
  );
});
