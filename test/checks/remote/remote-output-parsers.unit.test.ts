import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../src/checks/remote/docker-containers.js';
import { parseDf } from '../../../src/checks/remote/parse-df.js';
import { parseDockerPs, parseRestartCounts } from '../../../src/checks/remote/parse-docker-ps.js';
import { parseGrepCounts } from '../../../src/checks/remote/parse-grep-counts.js';

describe('parsing remote command output', () => {
  it('reads df -P lines, anchored from the right, skipping the header', () => {
    const output = [
      'Filesystem     1024-blocks     Used Available Capacity Mounted on',
      '/dev/sda1        102687672 88310256   9118152      91% /',
      'my nfs share      20000000  1000000  19000000       5% /data',
    ].join('\n');
    expect(parseDf(output)).toEqual([
      {
        filesystem: '/dev/sda1',
        sizeKiB: 102687672,
        usedKiB: 88310256,
        availableKiB: 9118152,
        percent: 91,
        mountedOn: '/',
      },
      {
        filesystem: 'my nfs share',
        sizeKiB: 20000000,
        usedKiB: 1000000,
        availableKiB: 19000000,
        percent: 5,
        mountedOn: '/data',
      },
    ]);
    expect(parseDf('df: /nope: No such file or directory\n')).toEqual([]);
  });

  it('reads docker ps JSON lines, with health, linked names and the older format without State', () => {
    const output = [
      '{"Names":"api_1","State":"running","Status":"Up 5 minutes (healthy)"}',
      '{"Names":"api_2,web/api_2","Status":"Up 2 hours (unhealthy)"}',
      '{"Names":"worker","Status":"Restarting (1) 3 seconds ago"}',
      '{"Names":"old","Status":"Exited (137) 2 days ago"}',
      '{"Names":"new","State":"running","Status":"Up 3 seconds (health: starting)"}',
      'WARNING: not json',
      '',
    ].join('\n');
    const { containers, unreadableLines } = parseDockerPs(output);
    expect(unreadableLines).toBe(1);
    expect(containers.map((c) => [c.name, c.state, c.health])).toEqual([
      ['api_1', 'running', 'healthy'],
      ['api_2', 'running', 'unhealthy'],
      ['web/api_2', 'running', 'unhealthy'],
      ['worker', 'restarting', null],
      ['old', 'exited', null],
      ['new', 'running', 'starting'],
    ]);
    expect(containers.map(problemOf)).toEqual([
      undefined,
      'unhealthy',
      'unhealthy',
      'restarting',
      'not_running',
      undefined,
    ]);
    expect(problemOf(undefined)).toBe('missing');
  });

  it('reads restart counts and grep -c -H counts', () => {
    expect(parseRestartCounts('/api_1 0\n/api_2 4\nError: No such object: x\n')).toEqual(
      new Map([
        ['api_1', 0],
        ['api_2', 4],
      ]),
    );
    expect(parseGrepCounts('/var/log/a.log:12\n/var/log/b:c.log:3\nfind: x: No such file\n')).toEqual([
      { path: '/var/log/a.log', count: 12 },
      { path: '/var/log/b:c.log', count: 3 },
    ]);
  });
});
