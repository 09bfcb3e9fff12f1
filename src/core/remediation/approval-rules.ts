import type { RemediationPolicy } from '../../config/remediation-policy-schema.js';
import type { Person, TeamRole } from '../../config/schema.js';
import type { RemediationId, RiskTier } from './remediation.js';

/** The rule a request is held to once its tier is known. */
export interface EffectiveRule {
  approverRoles: readonly TeamRole[];
  approvals: 1 | 2;
  cooldownMinutes: number;
  hourlyCap: number;
  allowedDuringMaintenance: boolean;
  /** Tier ≥ 2: the requester may not approve. */
  requesterMayApprove: boolean;
}

/**
 * The remediation's own rule, raised to the highest tier's roles and count for tier-3 requests, and
 * to the maintenance override roles for a request made during a maintenance window it is not allowed in.
 */
export function effectiveRule(
  policy: RemediationPolicy,
  id: RemediationId,
  tier: RiskTier,
  maintenanceForced = false,
): EffectiveRule {
  const rule = policy.rules[id];
  const highest = tier === 3;
  const roles = highest ? policy.highestTier.approverRoles : rule.approverRoles;
  return {
    approverRoles: maintenanceForced ? policy.maintenanceOverrideRoles : roles,
    approvals: highest ? (Math.max(rule.approvals, policy.highestTier.approvals) as 1 | 2) : rule.approvals,
    cooldownMinutes: rule.cooldownMinutes,
    hourlyCap: rule.hourlyCap,
    allowedDuringMaintenance: rule.allowedDuringMaintenance,
    requesterMayApprove: tier < 2 && !maintenanceForced,
  };
}

/** Why a click on Approve is refused. */
export type ApprovalRefusal =
  | { reason: 'not-in-team' }
  | { reason: 'role'; roles: readonly TeamRole[] }
  | { reason: 'self-approval' }
  | { reason: 'already-approved' }
  | { reason: 'expired' };

/** What the approval rules look at. */
export interface ApprovalAttempt {
  approverId: string;
  /** The approver's entry in `team`, if any. */
  approver: Person | undefined;
  requesterId: string;
  rule: EffectiveRule;
  /** Slack ids of those who approved already. */
  approvedBy: readonly string[];
  now: Date;
  expiresAt: Date;
}

/** Null when this person may approve now; otherwise the first reason they may not. */
export function approvalRefusal(attempt: ApprovalAttempt): ApprovalRefusal | null {
  if (attempt.now.getTime() >= attempt.expiresAt.getTime()) return { reason: 'expired' };
  if (!attempt.approver) return { reason: 'not-in-team' };
  const roles = attempt.rule.approverRoles;
  if (!attempt.approver.roles.some((role) => roles.includes(role))) return { reason: 'role', roles };
  if (attempt.approverId === attempt.requesterId && !attempt.rule.requesterMayApprove)
    return { reason: 'self-approval' };
  if (attempt.approvedBy.includes(attempt.approverId)) return { reason: 'already-approved' };
  return null;
}

/** Whether the distinct approvers reach the rule's count. */
export function approvalsComplete(rule: EffectiveRule, approvedBy: readonly string[]): boolean {
  return new Set(approvedBy).size >= rule.approvals;
}

/** Why a request may not be made (or run) now. */
export type RequestRefusal =
  | { reason: 'maintenance' }
  | { reason: 'cooldown'; until: Date }
  | { reason: 'hourly-cap'; cap: number };

/** What the request rules look at, read from past requests. */
export interface RequestAttempt {
  rule: EffectiveRule;
  maintenance: MaintenanceState;
  /** Whether someone may force it through a maintenance window (`maintenanceOverrideRoles` not empty). */
  maintenanceOverride: boolean;
  /** When the last run on this target finished, if any. */
  lastFinishedOnTarget: Date | undefined;
  /** Runs of this remediation started in the last hour, all targets. */
  startedInLastHour: number;
  now: Date;
}

/** Whether a maintenance window is open (issue 6 provides it; until then none is). */
export interface MaintenanceState {
  active: boolean;
}

/** Null when the request may go ahead; otherwise the maintenance window, the cooldown or the cap. */
export function requestRefusal(attempt: RequestAttempt): RequestRefusal | null {
  if (attempt.maintenance.active && !attempt.rule.allowedDuringMaintenance && !attempt.maintenanceOverride)
    return { reason: 'maintenance' };
  if (attempt.lastFinishedOnTarget) {
    const until = new Date(attempt.lastFinishedOnTarget.getTime() + attempt.rule.cooldownMinutes * 60_000);
    if (attempt.now.getTime() < until.getTime()) return { reason: 'cooldown', until };
  }
  if (attempt.startedInLastHour >= attempt.rule.hourlyCap)
    return { reason: 'hourly-cap', cap: attempt.rule.hourlyCap };
  return null;
}
