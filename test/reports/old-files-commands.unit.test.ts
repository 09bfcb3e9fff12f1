import { describe, expect, it } from 'vitest';
import { serverSchema } from '../../src/config/schema.js';
import { remoteCommandLine } from '../../src/remote/exec-remote-command.js';
import {
  deleteOldBackupFiles,
  gzipOldLogs,
  oldBackupFiles,
  oldUncompressedLogs,
} from '../../src/remote/remote-commands.js';
import { isRemoteError } from '../../src/remote/remote-error.js';

const server = serverSchema.parse({
  name: 'db',
  role: 'db',
  host: '127.0.0.1',
  user: 'samaops',
  insecureAcceptAnyHostKey: true,
  privateKey: 'unused',
  logGlobs: ['/var/log/samaconso/*.log'],
});

function refusal(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (isRemoteError(error, 'REMOTE_ARGUMENT_REFUSED')) return error.message;
  }
  return 'not refused';
}

describe('old files command forms', () => {
  it('are fixed find lines with the validated directory, pattern and age', () => {
    expect(remoteCommandLine(oldBackupFiles(server, '/data/backups', ['/data/backups'], 30), 10_000)).toBe(
      "timeout -k 5 10 find /data/backups -type f -mtime +30 -printf '%s\\n'",
    );
    expect(remoteCommandLine(oldUncompressedLogs(server, '/var/log/samaconso/*.log', 7), 10_000)).toBe(
      "timeout -k 5 10 find /var/log/samaconso -maxdepth 1 -type f -name '*.log' -mtime +7 -printf '%s\\n'",
    );
  });

  it('delete and gzip print only what they did: a size after -delete succeeded, a path gzip names back', () => {
    expect(
      remoteCommandLine(deleteOldBackupFiles(server, '/data/backups', ['/data/backups'], 30), 300_000),
    ).toBe("timeout -k 5 300 find /data/backups -type f -mtime +30 -delete -printf '%s\\n'");
    expect(remoteCommandLine(gzipOldLogs(server, '/var/log/samaconso/*.log', 7), 600_000)).toBe(
      "timeout -k 5 600 find /var/log/samaconso -maxdepth 1 -type f -name '*.log' -mtime +7 -printf '%s %p\\n' -exec gzip -v -- '{}' +",
    );
  });

  it('refuse a directory not configured, a hostile path, a glob not in logGlobs and a bad age', () => {
    expect(refusal(() => oldBackupFiles(server, '/etc', ['/data/backups'], 30))).toContain(
      'not in the inventory',
    );
    expect(refusal(() => oldBackupFiles(server, '/data/$(reboot)', ['/data/$(reboot)'], 30))).toContain(
      'refused',
    );
    expect(refusal(() => oldUncompressedLogs(server, '/var/log/*.log', 7))).toContain('not in the inventory');
    expect(refusal(() => oldBackupFiles(server, '/data/backups', ['/data/backups'], 0))).toContain('1..3650');
  });
});
