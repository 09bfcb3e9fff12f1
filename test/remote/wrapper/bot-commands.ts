import { serverSchema } from '../../../src/config/schema.js';
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
} from '../../../src/remote/remote-commands.js';

/** A server of the runbook's kind, with two of everything a form may name. */
export const sampleServer = serverSchema.parse({
  name: 'api',
  role: 'api',
  host: '127.0.0.1',
  user: 'samaops',
  insecureAcceptAnyHostKey: true,
  privateKey: 'unused',
  containers: ['samaconso_api_1', 'samaconso_api_2'],
  mountPoints: ['/', '/data'],
  logGlobs: ['/var/log/samaconso/*.log', '/opt/samaconso/logs/app-?.log'],
});

const backups = ['/data/backups'];
const scalable = [
  { service: 'celery_worker_2', composeFile: '/opt/samaconso/docker-compose.workers.yml', min: 0, max: 4 },
];

/** One command of every form, as the bot's builders make it. */
export function oneCommandOfEachForm(): Record<RemoteCommandForm, RemoteCommand> {
  const server = sampleServer;
  return {
    'host.true': hostTrue(),
    'wrapper.version': wrapperVersion(),
    'disk.df': diskUsage(server, ['/', '/data']),
    'docker.ps': dockerPs(),
    'docker.restart_counts': dockerRestartCounts(server, ['samaconso_api_1', 'samaconso_api_2']),
    'docker.restart': dockerRestart(server, 'samaconso_api_2'),
    'docker.logs': dockerLogs(server, 'samaconso_api_1', 200),
    'docker.image_prune': dockerImagePrune(server, 72),
    'docker.compose_scale': dockerComposeScale(server, scalable, 'celery_worker_2', 3),
    'journald.vacuum': journaldVacuum(server, 3),
    'logs.count_errors': countLogErrors(server, '/var/log/samaconso/*.log'),
    'files.old_backups': oldBackupFiles(server, '/data/backups', backups, 30),
    'logs.old_uncompressed': oldUncompressedLogs(server, '/opt/samaconso/logs/app-?.log', 7),
    'accounts.passwd': accountsPasswd(),
    'files.backup_times': backupFileTimes(server, '/data/backups', backups),
    'apt.upgradable': aptUpgradable(),
    'logs.gzip_old': gzipOldLogs(server, '/var/log/samaconso/*.log', 7),
    'files.delete_old_backups': deleteOldBackupFiles(server, '/data/backups', backups, 30),
    'auth.failed_logins': failedLogins(server, '/var/log/auth.log', '/var/log/auth.log'),
  };
}
