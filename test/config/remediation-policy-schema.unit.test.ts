import { describe, expect, it } from 'vitest';
import { approverRoleNames, remediationPolicySchema } from '../../src/config/remediation-policy-schema.js';
import { teamRoles } from '../../src/config/schema.js';
import { remediationIds } from '../../src/core/remediation/remediation.js';

describe('remediations policy schema', () => {
  it('restates exactly the team roles', () => {
    expect([...approverRoleNames]).toEqual([...teamRoles]);
  });

  it('has a rule with defaults for every remediation, and a 10-minute approval window', () => {
    const policy = remediationPolicySchema.parse({});
    expect(Object.keys(policy.rules).sort()).toEqual([...remediationIds].sort());
    expect(policy.approvalTtlMinutes).toBe(10);
    expect(policy.rules['flush-redis']).toMatchObject({
      approvals: 2,
      hourlyCap: 1,
      allowedDuringMaintenance: false,
    });
  });

  it('takes overrides per field and refuses unknown roles, ids and counts', () => {
    const policy = remediationPolicySchema.parse({ rules: { vacuum: { approvals: 2, cooldownMinutes: 0 } } });
    expect(policy.rules.vacuum).toMatchObject({ approvals: 2, cooldownMinutes: 0, hourlyCap: 2 });
    expect(
      remediationPolicySchema.safeParse({ rules: { vacuum: { approverRoles: ['intern'] } } }).success,
    ).toBe(false);
    expect(remediationPolicySchema.safeParse({ rules: { reboot: {} } }).success).toBe(false);
    expect(remediationPolicySchema.safeParse({ rules: { restart: { approvals: 3 } } }).success).toBe(false);
  });
});
