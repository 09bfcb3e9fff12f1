import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { inventorySchema } from '../../../src/config/schema.js';
import { authorizedKeysLine } from '../../../src/remote/wrapper/authorized-keys.js';
import { sudoersArgument, sudoersFile } from '../../../src/remote/wrapper/sudoers.js';
import { versionLine } from '../../../src/remote/wrapper/wrapper-source.js';
import { captureIo } from '../../cli/capture-io.js';

/** What `samaops ssh-wrapper` prints for a server: the forced command, the key's line, the sudo rules. */

const dir = mkdtempSync(join(tmpdir(), 'samaops-server-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFyNKRkrNtUyCmpFimq73m2LcZlr/CPlksUBof01yGuY bot@host';

const servers = (['db', 'workers'] as const).map((name, index) => ({
  name,
  role: name,
  host: `127.0.0.${9 + index}`,
  user: 'samaops',
  privateKey: 'unused',
  insecureAcceptAnyHostKey: true,
  logGlobs: ['/var/log/samaconso/*.log', '/opt/samaconso/logs/app-?.log'],
}));

const inventory = inventorySchema.parse({
  servers,
  reports: {
    backups: [
      { server: 'db', directory: '/var/backups/postgres', deleteOld: true },
      { server: 'db', directory: '/srv/minio-backups' },
      { server: 'workers', directory: '/var/backups/redis', deleteOld: true },
    ],
    gzipLogsOn: ['db'],
    backupRetentionDays: 45,
  },
  remediationTargets: { journaldDays: 5 },
});

describe('the authorized_keys line', () => {
  it('restricts the key to the forced command, with from= when given', () => {
    expect(authorizedKeysLine({ publicKey: KEY })).toBe(
      'restrict,command="/usr/local/bin/samaops-remote" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFyNKRkrNtUyCmpFimq73m2LcZlr/CPlksUBof01yGuY samaops-bot',
    );
    expect(authorizedKeysLine({ publicKey: KEY, from: '10.101.0.5,10.101.0.0/24' })).toMatch(
      /^restrict,command="\/usr\/local\/bin\/samaops-remote",from="10\.101\.0\.5,10\.101\.0\.0\/24" ssh-ed25519 /,
    );
  });

  it('refuses what would break out of its options: a quote in from=, a bad key, an unsafe path', () => {
    expect(() => authorizedKeysLine({ publicKey: KEY, from: '10.0.0.1",command="/bin/sh' })).toThrow(/from=/);
    expect(() => authorizedKeysLine({ publicKey: 'ssh-ed25519' })).toThrow(/public key/);
    expect(() => authorizedKeysLine({ publicKey: KEY, command: '/tmp/x" ' })).toThrow(/unsafe/);
  });
});

describe('the sudoers file', () => {
  it('allows, per server, exactly the privileged commands its inventory enables, and passes visudo -c', () => {
    const db = sudoersFile(inventory, inventory.servers[0] as (typeof inventory.servers)[0]);
    const rules = db.split('\n').filter((line) => line.startsWith('samaops '));
    expect(rules).toEqual([
      'samaops ALL=(root) NOPASSWD: /usr/bin/journalctl --vacuum-time\\=5d',
      'samaops ALL=(root) NOPASSWD: /usr/bin/find /var/backups/postgres -type f -mtime +45 -delete -printf %s\\\\\\\\n',
      'samaops ALL=(root) NOPASSWD: /usr/bin/find /var/log/samaconso -maxdepth 1 -type f -name \\\\*.log -mtime +7 -printf %s\\ %p\\\\\\\\n -exec gzip -v -- {} +',
      'samaops ALL=(root) NOPASSWD: /usr/bin/find /opt/samaconso/logs -maxdepth 1 -type f -name app-\\\\?.log -mtime +7 -printf %s\\ %p\\\\\\\\n -exec gzip -v -- {} +',
    ]);
    const workers = sudoersFile(inventory, inventory.servers[1] as (typeof inventory.servers)[0]);
    expect(workers).toContain('/var/backups/redis');
    expect(workers).not.toContain('/var/backups/postgres');
    expect(workers).not.toContain('gzip');
    for (const [name, text] of Object.entries({ db, workers })) {
      const file = join(dir, `sudoers-${name}`);
      writeFileSync(file, text, { mode: 0o440 });
      expect(execFileSync('visudo', ['-c', '-f', file], { encoding: 'utf8' })).toContain('parsed OK');
    }
  });

  it('escapes an argument for fnmatch, then for the sudoers parser', () => {
    expect(sudoersArgument('*.log')).toBe('\\\\*.log');
    expect(sudoersArgument('%s\\n')).toBe('%s\\\\\\\\n');
    expect(sudoersArgument('a=b,c:d')).toBe('a\\=b\\,c\\:d');
    expect(sudoersArgument('plain/path-1.0')).toBe('plain/path-1.0');
  });
});

describe('samaops ssh-wrapper', () => {
  it('prints samaops-remote, a script sh accepts, and its version line', async () => {
    const script = captureIo();
    expect(await runCli(['ssh-wrapper'], script.io)).toBe(0);
    expect(script.stdout().startsWith('#!/bin/sh\n')).toBe(true);
    const file = join(dir, 'samaops-remote');
    writeFileSync(file, script.stdout());
    execFileSync('sh', ['-n', file]);
    const version = captureIo();
    expect(await runCli(['ssh-wrapper', '--version'], version.io)).toBe(0);
    expect(version.stdout()).toBe(`${versionLine()}\n`);
  });

  it('prints the key line from a public key file, and the sudo rules of the server named', async () => {
    const keyFile = join(dir, 'bot.pub');
    writeFileSync(keyFile, `${KEY}\n`);
    const line = captureIo();
    expect(
      await runCli(
        ['ssh-wrapper', '--authorized-keys', '--public-key', keyFile, '--from', '10.101.0.5'],
        line.io,
      ),
    ).toBe(0);
    expect(line.stdout()).toMatch(
      /^restrict,command="\/usr\/local\/bin\/samaops-remote",from="10\.101\.0\.5" ssh-ed25519 \S+ samaops-bot\n$/,
    );
    const config = join(dir, 'inventory.yml');
    writeFileSync(
      config,
      JSON.stringify({
        servers,
        reports: { backups: [{ server: 'workers', directory: '/var/backups/redis', deleteOld: true }] },
      }),
    );
    const sudoers = captureIo();
    expect(
      await runCli(['ssh-wrapper', '--sudoers', '--server', 'workers', '--config', config], sudoers.io),
    ).toBe(0);
    expect(sudoers.stdout()).toContain('/usr/bin/find /var/backups/redis -type f -mtime +30 -delete');
  });

  it('exits 64 with what is missing: no public key, no server among several, two modes at once', async () => {
    const noKey = captureIo();
    expect(await runCli(['ssh-wrapper', '--authorized-keys'], noKey.io)).toBe(64);
    expect(noKey.stderr()).toContain('--public-key FILE');
    const config = join(dir, 'two.yml');
    writeFileSync(config, JSON.stringify({ servers }));
    const noServer = captureIo();
    expect(await runCli(['ssh-wrapper', '--sudoers', '--config', config], noServer.io)).toBe(64);
    expect(noServer.stderr()).toContain('--sudoers demande --server NOM, parmi : db, workers');
    const both = captureIo();
    expect(await runCli(['ssh-wrapper', '--sudoers', '--version'], both.io)).toBe(64);
  });
});
