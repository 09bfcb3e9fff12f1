import { remoteFailure } from '../checks/remote/server-targets.js';
import { msg } from '../i18n/message.js';
import { accountsPasswd, backupFileTimes } from '../remote/remote-commands.js';
import { linesSection } from './lines-section.js';
import type { ReportLine } from './report-model.js';
import { stderrReason } from './stderr-reason.js';

/** uid of `nobody`: above 1000 but not a person. */
const NOBODY_UID = 65534;

/** Runs one remote read and turns it into a line; an unreachable server is its own line. */
async function remoteLine(
  label: string,
  read: () => Promise<Omit<ReportLine, 'label'>>,
): Promise<ReportLine> {
  try {
    return { label, ...(await read()) };
  } catch (error) {
    const failure = remoteFailure(error);
    return { label, status: failure.status, text: failure.detail, value: null };
  }
}

/** Runbook §9.3 account review: accounts with uid ≥ 1000 (people and services), per server. */
export const humanAccounts = linesSection('accounts', msg('report.section.accounts'), async (context) =>
  Promise.all(
    context.inventory.servers.map((server) =>
      remoteLine(server.name, async () => {
        const { stdout } = await context.clients.ssh.run(server, accountsPasswd(), context.signal);
        const names = stdout
          .split('\n')
          .map((line) => line.split(':'))
          .filter((fields) => {
            const uid = Number(fields[2]);
            return Number.isInteger(uid) && uid >= 1000 && uid !== NOBODY_UID;
          })
          .map((fields) => fields[0] ?? '?');
        return {
          status: 'ok',
          text: msg('report.accounts', { count: names.length, names: names.join(', ') || '—' }),
          metric: `accounts:${server.name}`,
          value: names.length,
          unit: 'count',
        };
      }),
    ),
  ),
);

/** Age of the newest file in each configured backup directory: a backup that stopped is seen within a month at worst. */
export const newestBackup = linesSection(
  'newest-backup',
  msg('report.section.newestBackup'),
  async (context) => {
    const { backups } = context.inventory.reports;
    const now = Date.now() / 1000;
    return Promise.all(
      backups.flatMap(({ server: name, directory }) => {
        const server = context.inventory.servers.find((candidate) => candidate.name === name);
        if (!server) return [];
        const allowed = backups.filter((backup) => backup.server === name).map((backup) => backup.directory);
        return [
          remoteLine(`${name}:${directory}`, async () => {
            const output = await context.clients.ssh.run(
              server,
              backupFileTimes(server, directory, allowed),
              context.signal,
            );
            // The newest of every file, counted whole (a `numbers` form): none is missed past the output cap.
            if (output.code !== 0 || !output.numbers) {
              const reason = stderrReason(output.stderr);
              return {
                status: 'unknown',
                text: msg('report.find.failed', { code: output.code ?? '—', reason }),
                value: null,
              };
            }
            const newest = output.numbers.max;
            if (newest === null) return { status: 'fail', text: msg('report.backup.none'), value: null };
            const hours = Math.floor((now - newest) / 3600);
            // Daily backups (runbook §8): older than two days means the job stopped.
            return {
              status: hours > 48 ? 'fail' : hours > 26 ? 'warn' : 'ok',
              text: msg('report.backup.newest', { hours }),
              value: hours,
              unit: 'count',
            };
          }),
        ];
      }),
    );
  },
);
