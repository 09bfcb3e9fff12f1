import { describe, expect, it } from 'vitest';
import type { ParsedArgs } from '../../../src/core/remediation/remediation.js';
import { translate } from '../../../src/i18n/translate.js';
import { remediations } from '../../../src/playbooks/remediations/index.js';
import { remediationInventory } from './remediation-inventory.js';

const inventory = remediationInventory();

/** Hostile words: shell, SQL and path injection, option injection, control characters. */
const hostile = [
  'x; touch /tmp/pwned',
  '$(reboot)',
  '`reboot`',
  '--help',
  '-rf',
  '../',
  '../../etc/passwd',
  'samaconso_api_1; reboot',
  'samaconso_api_1 && reboot',
  'urgent|cat',
  "pg_class'; DROP TABLE users; --",
  'a"b',
  'x\ny',
  'celery_worker_2=4',
  '',
];

function refusal(parsed: ParsedArgs): string {
  if (parsed.ok) throw new Error(`accepted: ${JSON.stringify(parsed.args)}`);
  return translate('en', parsed.reason);
}

describe('parse accepts the allow-listed values', () => {
  it.each([
    ['restart', ['samaconso_api_1'], { containers: ['samaconso_api_1'] }],
    ['restart', ['samaconso_minio'], { containers: ['samaconso_minio'] }],
    ['restart', ['api'], { containers: ['samaconso_api_1', 'samaconso_api_2'] }],
    [
      'restart',
      ['samaconso_api_2', 'samaconso_api_1'],
      { containers: ['samaconso_api_1', 'samaconso_api_2'] },
    ],
    ['purge', ['low_priority'], { queue: 'low_priority' }],
    ['kill-queries', [], { olderThanSeconds: 300 }],
    ['kill-queries', ['5m'], { olderThanSeconds: 300 }],
    ['kill-queries', ['90'], { olderThanSeconds: 90 }],
    ['kill-queries', ['2h'], { olderThanSeconds: 7200 }],
    ['vacuum', [], {}],
    ['vacuum', ['consumption_readings'], { table: 'consumption_readings' }],
    ['vacuum', ['public.users'], { table: 'public.users' }],
    ['scale', ['celery_worker_2', '3'], { service: 'celery_worker_2', count: 3 }],
    ['cleanup', ['db'], { server: 'db' }],
    ['flush-redis', [], {}],
  ] as const)('%s %j', (id, words, args) => {
    expect(remediations[id].parse([...words], inventory)).toEqual({ ok: true, args });
  });
});

describe('parse refuses, listing the valid values', () => {
  it('restart: unknown container, or two that are not the API pair', () => {
    expect(refusal(remediations.restart.parse(['samaconso_db'], inventory))).toBe(
      'container "samaconso_db" refused. Valid values: samaconso_minio, samaconso_api_1, samaconso_api_2, samaconso_celery_worker_1, samaconso_celery_worker_2, api',
    );
    expect(refusal(remediations.restart.parse(['samaconso_api_1', 'samaconso_minio'], inventory))).toContain(
      'container "samaconso_minio" refused',
    );
    expect(refusal(remediations.restart.parse([], inventory))).toBe('Usage: restart <container>|api');
  });
  it('purge, scale, cleanup list their allow-lists; scale its bounds', () => {
    expect(refusal(remediations.purge.parse(['default'], inventory))).toBe(
      'queue "default" refused. Valid values: urgent, high_priority, normal, low_priority',
    );
    expect(refusal(remediations.scale.parse(['celery_worker_1', '2'], inventory))).toBe(
      'service "celery_worker_1" refused. Valid values: celery_worker_2',
    );
    expect(refusal(remediations.scale.parse(['celery_worker_2', '5'], inventory))).toBe(
      'count "5" refused. Valid values: 1, 2, 3, 4',
    );
    expect(refusal(remediations.scale.parse(['celery_worker_2', '0'], inventory))).toContain('count "0"');
    expect(refusal(remediations.scale.parse(['celery_worker_2', '2.5'], inventory))).toContain('count "2.5"');
    expect(refusal(remediations.cleanup.parse(['web'], inventory))).toBe(
      'server "web" refused. Valid values: db, api, workers',
    );
  });
  it('kill-queries and vacuum explain their format', () => {
    expect(refusal(remediations['kill-queries'].parse(['8d'], inventory))).toContain(
      'a number followed by s, m or h',
    );
    expect(refusal(remediations['kill-queries'].parse(['0s'], inventory))).toContain('duration "0s"');
    expect(refusal(remediations.vacuum.parse(['a.b.c'], inventory))).toContain('table name "a.b.c" refused');
    expect(refusal(remediations['flush-redis'].parse(['0'], inventory))).toBe('Usage: flush-redis');
  });
});

/** Every argument position of every remediation, filled with each hostile word. */
const positions: [string, (word: string) => string[]][] = [
  ['restart <container>', (w) => [w]],
  ['restart <api> <container>', (w) => ['samaconso_api_1', w]],
  ['purge <queue>', (w) => [w]],
  ['kill-queries <older-than>', (w) => [w]],
  ['vacuum <table>', (w) => [w]],
  ['scale <service> n', (w) => [w, '2']],
  ['scale service <n>', (w) => ['celery_worker_2', w]],
  ['cleanup <server>', (w) => [w]],
  ['flush-redis <extra>', (w) => [w]],
];

describe.each(positions)('injection in %s', (label, words) => {
  const id = label.split(' ')[0] as keyof typeof remediations;
  it.each(hostile)('refuses %j', (word) => {
    const parsed = remediations[id].parse(words(word), inventory);
    expect(parsed.ok).toBe(false);
  });
});
