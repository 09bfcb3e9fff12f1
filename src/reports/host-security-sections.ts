import { remoteFailure } from '../checks/remote/server-targets.js';
import { msg } from '../i18n/message.js';
import type { RemoteOutput } from '../remote/exec-remote-command.js';
import { aptUpgradable, failedLogins } from '../remote/remote-commands.js';
import { linesSection } from './lines-section.js';
import { APT_UPGRADES_BUDGET_MS, MAINTENANCE_MARGIN_MS } from './maintenance-budgets.js';
import type { ReportLine } from './report-model.js';
import { stderrReason } from './stderr-reason.js';

/** `apt list --upgradable` lines: `name/suite[,suite] version arch [upgradable from: …]`. */
function parseUpgradable(stdout: string): { total: number; security: string[] } {
  const packages = stdout.split('\n').filter((line) => line.includes('[upgradable from:'));
  const security = packages
    .filter((line) => (line.split(' ')[0] ?? '').includes('-security'))
    .map((line) => line.split('/')[0] ?? '?');
  return { total: packages.length, security };
}

/** Runbook §9.3 `apt update && apt list --upgradable`, without the update: the count and which are security updates. */
export const pendingUpgrades = linesSection(
  'apt-upgrades',
  msg('report.section.aptUpgrades'),
  async (context) =>
    Promise.all(
      context.inventory.servers.map(async (server): Promise<ReportLine> => {
        try {
          const output = await context.clients.ssh.run(
            server,
            aptUpgradable(),
            context.signal,
            APT_UPGRADES_BUDGET_MS,
          );
          const { total, security } = parseUpgradable(output.stdout);
          // apt was stopped at the output cap: what it listed is a lower bound, and said to be one.
          return {
            label: server.name,
            status: security.length > 0 ? 'warn' : 'ok',
            text: msg(output.truncated ? 'report.apt.pendingAtLeast' : 'report.apt.pending', {
              total,
              security: security.length,
              names: security.slice(0, 10).join(', ') || '—',
            }),
            metric: `apt:${server.name}`,
            value: output.truncated ? null : total,
            unit: 'count',
          };
        } catch (error) {
          const failure = remoteFailure(error);
          return { label: server.name, status: failure.status, text: failure.detail, value: null };
        }
      }),
    ),
  { timeoutMs: APT_UPGRADES_BUDGET_MS + MAINTENANCE_MARGIN_MS },
);

/**
 * The line of one server's `grep -c` over the auth log. grep exits 1 with "0" when nothing
 * matches, 2 when the file cannot be read: then grep's own words, else its exit code.
 */
export function failedLoginsLine(
  label: string,
  result: Pick<RemoteOutput, 'code' | 'stdout' | 'stderr'>,
  file: string,
): ReportLine {
  const count = Number(result.stdout.trim());
  if (result.code === 2 || result.stdout.trim() === '' || !Number.isInteger(count)) {
    const said = stderrReason(result.stderr);
    return {
      label,
      status: 'unknown',
      text:
        said === '—'
          ? msg('report.logins.grepFailed', { code: result.code ?? '—' })
          : msg('report.logins.unreadable', { reason: said }),
      value: null,
    };
  }
  return {
    label,
    status: 'ok',
    text: msg('report.logins.failed', { count, file }),
    metric: `failed-logins:${label}`,
    value: count,
    unit: 'count',
  };
}

/** Runbook §9.3 security review: failed logins (`Failed password`, PAM failures) in the auth log, per server. */
export const failedLoginCounts = linesSection(
  'failed-logins',
  msg('report.section.failedLogins'),
  async (context) => {
    const authLog = context.inventory.reports.authLog;
    return Promise.all(
      context.inventory.servers.map(async (server): Promise<ReportLine> => {
        try {
          const result = await context.clients.ssh.run(
            server,
            failedLogins(server, authLog, authLog),
            context.signal,
          );
          return failedLoginsLine(server.name, result, authLog);
        } catch (error) {
          const failure = remoteFailure(error);
          return { label: server.name, status: failure.status, text: failure.detail, value: null };
        }
      }),
    );
  },
);
