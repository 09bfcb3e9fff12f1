import { type Inventory, inventorySchema, type Server } from '../../src/config/schema.js';
import {
  accountsPasswd,
  aptUpgradable,
  backupFileTimes,
  countLogErrors,
  deleteOldBackupFiles,
  diskUsage,
  dockerComposeScale,
  dockerImagePrune,
  dockerLogs,
  dockerPs,
  dockerRestart,
  dockerRestartCounts,
  failedLogins,
  gzipOldLogs,
  hostTrue,
  journaldVacuum,
  oldBackupFiles,
  oldUncompressedLogs,
  type RemoteCommand,
  type RemoteCommandForm,
  wrapperVersion,
} from '../../src/remote/remote-commands.js';

/**
 * One command of every form, built by the bot's own builders from an inventory, and the server it
 * goes to: `host` for all but compose scaling, which goes to `workers` (at its smallest replica
 * count, which the lab runs, so that nothing changes there).
 */
export function oneCommandOfEachForm(
  inventory: Inventory,
  host: Server,
  workers: Server,
  backupDir: string,
): Record<RemoteCommandForm, { server: Server; command: RemoteCommand }> {
  const { reports, remediationTargets } = inventory;
  const backups = reports.backups
    .filter((backup) => backup.server === host.name)
    .map((each) => each.directory);
  const [glob = ''] = host.logGlobs;
  const [container = '', other = container] = host.containers;
  const [scalable] = remediationTargets.scalable;
  const on = (command: RemoteCommand) => ({ server: host, command });
  return {
    'host.true': on(hostTrue()),
    'wrapper.version': on(wrapperVersion()),
    'disk.df': on(diskUsage(host, host.mountPoints)),
    'docker.ps': on(dockerPs()),
    'docker.restart_counts': on(dockerRestartCounts(host, host.containers)),
    'docker.restart': on(dockerRestart(host, other)),
    'docker.logs': on(dockerLogs(host, container, 20)),
    'docker.image_prune': on(dockerImagePrune(host, remediationTargets.imagePruneHours)),
    'docker.compose_scale': {
      server: workers,
      command: dockerComposeScale(
        workers,
        remediationTargets.scalable,
        scalable?.service ?? '',
        scalable?.min ?? 1,
      ),
    },
    'journald.vacuum': on(journaldVacuum(host, remediationTargets.journaldDays)),
    'logs.count_errors': on(countLogErrors(host, glob)),
    'files.old_backups': on(oldBackupFiles(host, backupDir, backups, reports.backupRetentionDays)),
    'logs.old_uncompressed': on(oldUncompressedLogs(host, glob, reports.logCompressAfterDays)),
    'accounts.passwd': on(accountsPasswd()),
    'files.backup_times': on(backupFileTimes(host, backupDir, backups)),
    'apt.upgradable': on(aptUpgradable()),
    'logs.gzip_old': on(gzipOldLogs(host, glob, reports.logCompressAfterDays)),
    'files.delete_old_backups': on(
      deleteOldBackupFiles(host, backupDir, backups, reports.backupRetentionDays),
    ),
    'auth.failed_logins': on(failedLogins(host, reports.authLog, reports.authLog)),
  };
}

/** An inventory of the runbook's kind with one server, `api`, that names two of everything a form may name. */
export function sampleInventory(): Inventory {
  return inventorySchema.parse({
    servers: [
      {
        name: 'api',
        role: 'api',
        host: '127.0.0.1',
        user: 'samaops',
        insecureAcceptAnyHostKey: true,
        privateKey: 'unused',
        containers: ['samaconso_api_1', 'samaconso_api_2'],
        mountPoints: ['/', '/data'],
        logGlobs: ['/var/log/samaconso/*.log', '/opt/samaconso/logs/app-?.log'],
      },
    ],
    reports: { backups: [{ server: 'api', directory: '/data/backups', deleteOld: true }] },
  });
}

/** One command of every form for sampleInventory's server. */
export function sampleCommandOfEachForm(): Record<RemoteCommandForm, RemoteCommand> {
  const inventory = sampleInventory();
  const [server] = inventory.servers;
  if (!server) throw new Error('the sample inventory has its server');
  const built = oneCommandOfEachForm(inventory, server, server, '/data/backups');
  return Object.fromEntries(Object.entries(built).map(([form, { command }]) => [form, command])) as Record<
    RemoteCommandForm,
    RemoteCommand
  >;
}
