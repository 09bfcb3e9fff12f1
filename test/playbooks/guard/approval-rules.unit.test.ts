import { describe, expect, it } from 'vitest';
import { remediationPolicySchema } from '../../../src/config/remediation-policy-schema.js';
import type { Person } from '../../../src/config/schema.js';
import {
  type ApprovalAttempt,
  approvalRefusal,
  approvalsComplete,
  effectiveRule,
  requestRefusal,
} from '../../../src/core/remediation/approval-rules.js';

const policy = remediationPolicySchema.parse(undefined);
const now = new Date('2026-11-24T03:00:00Z');
const later = new Date('2026-11-24T03:10:00Z');
const person = (slackId: string, roles: Person['roles']): Person => ({
  slackId,
  name: slackId,
  roles,
  availability: '24/7',
});
const requester = person('UREQ', ['devops']);
const devops = person('UDEV', ['devops']);
const dba = person('UDBA', ['dba']);
const lead = person('ULEAD', ['lead']);
const support = person('USUP', ['support_n1']);

function attempt(overrides: Partial<ApprovalAttempt>): ApprovalAttempt {
  return {
    approverId: devops.slackId,
    approver: devops,
    requesterId: requester.slackId,
    rule: effectiveRule(policy, 'restart', 2),
    approvedBy: [],
    now,
    expiresAt: later,
    ...overrides,
  };
}

describe('effectiveRule', () => {
  it('holds tier-3 requests to the highest tier: 2 approvers among lead, architect, devops', () => {
    const purgeUrgent = effectiveRule(policy, 'purge', 3);
    expect(purgeUrgent.approvals).toBe(2);
    expect(purgeUrgent.approverRoles).toEqual(['lead', 'architect', 'devops']);
    expect(effectiveRule(policy, 'purge', 2).approvals).toBe(1);
    expect(effectiveRule(policy, 'flush-redis', 3).approvals).toBe(2);
  });

  it('hands a request forced through a maintenance window to the override roles (N3), never the requester', () => {
    const forced = effectiveRule(policy, 'vacuum', 1, true);
    expect(forced.approverRoles).toEqual(['lead', 'architect']);
    expect(forced.requesterMayApprove).toBe(false);
  });

  it('lets the requester approve tier 1 only', () => {
    expect(effectiveRule(policy, 'vacuum', 1).requesterMayApprove).toBe(true);
    expect(effectiveRule(policy, 'restart', 2).requesterMayApprove).toBe(false);
    expect(effectiveRule(policy, 'flush-redis', 3).requesterMayApprove).toBe(false);
  });
});

describe('approvalRefusal', () => {
  it.each([
    ['an allowed second person', attempt({}), null],
    [
      'the requester of a tier-2 action',
      attempt({ approverId: 'UREQ', approver: requester }),
      'self-approval',
    ],
    [
      'the requester of a tier-1 action',
      attempt({ approverId: 'UREQ', approver: requester, rule: effectiveRule(policy, 'vacuum', 1) }),
      null,
    ],
    ['a role the rule does not name', attempt({ approverId: 'USUP', approver: support }), 'role'],
    ['a DBA on a restart', attempt({ approverId: 'UDBA', approver: dba }), 'role'],
    [
      'a DBA on kill-queries',
      attempt({ approverId: 'UDBA', approver: dba, rule: effectiveRule(policy, 'kill-queries', 2) }),
      null,
    ],
    ['someone outside the team', attempt({ approverId: 'UNOBODY', approver: undefined }), 'not-in-team'],
    ['the same person twice', attempt({ approvedBy: ['UDEV'] }), 'already-approved'],
    ['at the expiry instant', attempt({ now: later }), 'expired'],
    ['after expiry, even an allowed person', attempt({ now: new Date(later.getTime() + 1) }), 'expired'],
  ])('%s → %s', (_label, input, expected) => {
    expect(approvalRefusal(input)?.reason ?? null).toBe(expected);
  });

  it('names the allowed roles in a role refusal', () => {
    expect(approvalRefusal(attempt({ approverId: 'USUP', approver: support }))).toEqual({
      reason: 'role',
      roles: ['devops', 'lead', 'architect'],
    });
  });
});

describe('approvalsComplete', () => {
  it('counts distinct people', () => {
    const two = effectiveRule(policy, 'flush-redis', 3);
    expect(approvalsComplete(two, ['UDEV'])).toBe(false);
    expect(approvalsComplete(two, ['UDEV', 'UDEV'])).toBe(false);
    expect(approvalsComplete(two, ['UDEV', lead.slackId])).toBe(true);
    expect(approvalsComplete(effectiveRule(policy, 'restart', 2), ['UDEV'])).toBe(true);
  });
});

describe('requestRefusal', () => {
  const rule = effectiveRule(policy, 'restart', 2); // cooldown 5 min, cap 6/h
  const base = {
    rule,
    maintenance: { active: false },
    maintenanceOverride: false,
    lastFinishedOnTarget: undefined,
    startedInLastHour: 0,
    now,
  };
  it.each([
    ['nothing in the way', base, null],
    ['a maintenance window', { ...base, maintenance: { active: true } }, 'maintenance'],
    [
      'a maintenance window, N3 may force it',
      { ...base, maintenance: { active: true }, maintenanceOverride: true },
      null,
    ],
    [
      'a maintenance window, allowed by the rule',
      { ...base, maintenance: { active: true }, rule: { ...rule, allowedDuringMaintenance: true } },
      null,
    ],
    [
      'a run on the target 4 min ago',
      { ...base, lastFinishedOnTarget: new Date(now.getTime() - 4 * 60_000) },
      'cooldown',
    ],
    [
      'a run on the target 5 min ago',
      { ...base, lastFinishedOnTarget: new Date(now.getTime() - 5 * 60_000) },
      null,
    ],
    ['5 runs this hour', { ...base, startedInLastHour: 5 }, null],
    ['6 runs this hour', { ...base, startedInLastHour: 6 }, 'hourly-cap'],
  ])('%s → %s', (_label, input, expected) => {
    expect(requestRefusal(input)?.reason ?? null).toBe(expected);
  });

  it('says until when the cooldown lasts', () => {
    const last = new Date(now.getTime() - 60_000);
    expect(requestRefusal({ ...base, lastFinishedOnTarget: last })).toEqual({
      reason: 'cooldown',
      until: new Date(last.getTime() + 5 * 60_000),
    });
  });
});
