import { remoteFailure } from '../checks/remote/server-targets.js';
import { msg } from '../i18n/message.js';
import { aptUpgradable, failedLogins } from '../remote/remote-commands.js';
import { linesSection } from './lines-section.js';
import type { ReportLine } from './report-model.js';

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
          // apt reads every package list (about 1 s per host, more with three at once on one machine):
          // it gets the collector's whole budget (twice checkTimeoutMs) less a margin, not one check's.
          const budget = context.inventory.checkTimeoutMs * 2 - 250;
          const output = await context.clients.ssh.run(server, aptUpgradable(), context.signal, budget);
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
);

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
          // grep exits 1 with "0" when nothing matches, 2 when the file cannot be read.
          const count = Number(result.stdout.trim());
          if (result.code === 2 || !Number.isInteger(count)) {
            const reason = result.stderr.trim().split('\n')[0] || `grep exited with ${result.code}`;
            return {
              label: server.name,
              status: 'unknown',
              text: msg('report.logins.unreadable', { reason }),
              value: null,
            };
          }
          return {
            label: server.name,
            status: 'ok',
            text: msg('report.logins.failed', { count, file: authLog }),
            metric: `failed-logins:${server.name}`,
            value: count,
            unit: 'count',
          };
        } catch (error) {
          const failure = remoteFailure(error);
          return { label: server.name, status: failure.status, text: failure.detail, value: null };
        }
      }),
    );
  },
);
