import { describe, expect, it } from 'vitest';
import type { CheckId, CheckResult, CheckStatus } from '../../../src/checks/check.js';
import { msg } from '../../../src/i18n/message.js';
import { diagnosisMessage } from '../../../src/playbooks/diagnosis-message.js';
import {
  SUGGESTED_REMEDIATION_ACTION,
  suggestedRemediations,
  suggestionValue,
} from '../../../src/playbooks/guard/suggested-remediations.js';

function result(
  id: CheckId,
  target: string,
  status: CheckStatus = 'fail',
  data?: Record<string, unknown>,
): CheckResult {
  return {
    id,
    target,
    title: msg('check.postgres.ping.title'),
    status,
    value: null,
    threshold: null,
    detail: msg('check.crashed', { reason: 'x' }),
    durationMs: 1,
    data,
  };
}

describe('suggestedRemediations', () => {
  it.each([
    [result('api.health', 'samaconso_api_1'), ['restart samaconso_api_1']],
    [
      result('docker.containers', 'workers', 'fail', {
        problems: [{ name: 'samaconso_celery_worker_1', problem: 'exited' }, { name: 42 }],
      }),
      ['restart samaconso_celery_worker_1'],
    ],
    [result('rabbitmq.queue', 'urgent'), ['purge urgent']],
    [result('postgres.long_queries', 'db'), ['kill-queries']],
    [result('disk.usage', 'workers:/var/lib/docker'), ['cleanup workers']],
    [result('redis.memory', 'redis'), ['flush-redis']],
    [result('postgres.cache_hit', 'db'), ['vacuum']],
    [result('minio.live', 'minio'), []],
    [result('api.health', 'samaconso_api_1', 'warn'), []],
    [result('api.health', 'samaconso_api_1', 'unknown'), []],
  ])('%# → %j', (input, expected) => {
    expect(suggestedRemediations(input).map(suggestionValue)).toEqual(expected);
  });

  it('puts the buttons on the failing lines of a diagnosis message', () => {
    const message = diagnosisMessage(
      {
        status: 'fail',
        startedAt: new Date('2026-11-24T03:00:00Z'),
        durationMs: 10,
        results: [result('api.health', 'samaconso_api_1'), result('api.health', 'samaconso_api_2', 'ok')],
      },
      { locale: 'fr', platform: 'SamaConso', playbook: 'api', timeZone: 'Africa/Dakar', requestedBy: 'Awa' },
    );
    const buttons = message.sections.flatMap((section) =>
      section.lines.flatMap((line) => line.buttons ?? []),
    );
    expect(buttons).toEqual([
      {
        actionId: `${SUGGESTED_REMEDIATION_ACTION}:1`,
        label: 'Remédier : restart samaconso_api_1',
        value: 'restart samaconso_api_1',
      },
    ]);
  });

  it('both API instances down: one Restart per container in the whole report, action ids unique per line', () => {
    const message = diagnosisMessage(
      {
        status: 'fail',
        startedAt: new Date('2026-11-24T03:00:00Z'),
        durationMs: 10,
        results: [
          result('docker.containers', 'api', 'fail', {
            problems: [
              { name: 'samaconso_api_1', problem: 'exited' },
              { name: 'samaconso_api_2', problem: 'exited' },
            ],
          }),
          result('api.health', 'samaconso_api_1'),
          result('api.health', 'samaconso_api_2'),
        ],
      },
      { locale: 'fr', platform: 'SamaConso', playbook: 'api', timeZone: 'Africa/Dakar', requestedBy: 'Awa' },
    );
    const lines = message.sections.flatMap((section) => section.lines);
    const buttons = lines.flatMap((line) => line.buttons ?? []);
    expect(buttons.map((button) => button.value).sort()).toEqual([
      'restart samaconso_api_1',
      'restart samaconso_api_2',
    ]);
    for (const line of lines) {
      const ids = (line.buttons ?? []).map((button) => button.actionId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
