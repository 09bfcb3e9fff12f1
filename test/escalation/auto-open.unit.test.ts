import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/checks/check.js';
import { escalationPolicySchema } from '../../src/config/escalation-policy-schema.js';
import { autoOpenRequests, byIncident } from '../../src/escalation/auto-open.js';

const result = (id: string, target: string, status: CheckResult['status']) =>
  ({ id, target, status }) as unknown as CheckResult;

describe('escalation policy', () => {
  it('defaults to the issue table, durations in milliseconds', () => {
    const policy = escalationPolicySchema.parse(undefined);
    expect(policy.levels.N1).toEqual({
      roles: ['support_n1'],
      ackTimeout: 900_000,
      repeatEvery: 600_000,
      resolveWithin: 14_400_000,
    });
    expect(policy.levels.N2).toMatchObject({
      ackTimeout: 600_000,
      repeatEvery: 300_000,
      resolveWithin: 7_200_000,
    });
    expect(policy.levels.N3).toMatchObject({
      ackTimeout: 300_000,
      repeatEvery: 300_000,
      resolveWithin: 1_800_000,
    });
    expect(() => escalationPolicySchema.parse({ levels: { N1: { ackTimeout: '15 minutes' } } })).toThrow(
      /duration/,
    );
  });

  it('maps failing checks to a level, first matching rule first, with a dedup key per check and target', () => {
    const { autoOpen } = escalationPolicySchema.parse({
      autoOpen: [
        { check: 'api.health', target: 'samaconso_api_1', level: 'N2' },
        { check: 'disk.*', level: 'N1' },
        { check: 'api.health', level: 'N3' },
      ],
    });
    expect(
      autoOpenRequests(autoOpen, [
        result('api.health', 'samaconso_api_1', 'fail'),
        result('api.health', 'samaconso_api_2', 'fail'),
        result('disk.usage', 'db', 'fail'),
        result('disk.usage', 'api', 'warn'),
        result('redis.ping', 'redis', 'fail'),
      ]),
    ).toEqual([
      {
        dedupKey: 'check:api.health:samaconso_api_1',
        level: 'N2',
        checkId: 'api.health',
        target: 'samaconso_api_1',
      },
      {
        dedupKey: 'check:api.health:samaconso_api_2',
        level: 'N3',
        checkId: 'api.health',
        target: 'samaconso_api_2',
      },
      { dedupKey: 'check:disk.usage:db', level: 'N1', checkId: 'disk.usage', target: 'db' },
    ]);
  });

  it('keys a check whose rules count targets together (atLeast) by the check alone, gathered per incident', () => {
    const { autoOpen } = escalationPolicySchema.parse({
      autoOpen: [
        { check: 'api.health', level: 'N3', atLeast: 2 },
        { check: 'api.health', level: 'N2' },
        { check: 'disk.*', level: 'N1' },
      ],
    });
    const requests = autoOpenRequests(autoOpen, [
      result('api.health', 'samaconso_api_1', 'fail'),
      result('api.health', 'samaconso_api_2', 'fail'),
      result('disk.usage', 'db', 'fail'),
      result('disk.usage', 'api', 'fail'),
    ]);
    expect(requests.map((request) => [request.dedupKey, request.level])).toEqual([
      ['check:api.health', 'N3'],
      ['check:api.health', 'N3'],
      ['check:disk.usage:db', 'N1'],
      ['check:disk.usage:api', 'N1'],
    ]);
    expect(byIncident(requests)).toEqual([
      {
        dedupKey: 'check:api.health',
        level: 'N3',
        checkId: 'api.health',
        targets: ['samaconso_api_1', 'samaconso_api_2'],
      },
      { dedupKey: 'check:disk.usage:db', level: 'N1', checkId: 'disk.usage', targets: ['db'] },
      { dedupKey: 'check:disk.usage:api', level: 'N1', checkId: 'disk.usage', targets: ['api'] },
    ]);
  });
});
