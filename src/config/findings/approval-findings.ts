import { msg } from '../../i18n/message.js';
import type { Inventory, TeamRole } from '../schema.js';
import type { Finding } from './finding.js';

/** People of the team holding at least one of `roles`. */
function holders(inventory: Inventory, roles: readonly TeamRole[]): number {
  return inventory.team.filter((person) => person.roles.some((role) => roles.includes(role))).length;
}

/**
 * Every approval rule must be satisfiable: as many distinct people holding an approver role as it
 * needs approvals (two for the highest tier by default). An unsatisfiable rule makes the
 * remediation impossible to run: an error. No maintenance override holder is a warning.
 */
export function approvalFindings(inventory: Inventory): Finding[] {
  if (inventory.team.length === 0) return [];
  const { rules, highestTier, maintenanceOverrideRoles } = inventory.remediations;
  const candidates: { path: (string | number)[]; roles: readonly TeamRole[]; approvals: number }[] = [
    ...Object.entries(rules).map(([id, rule]) => ({
      path: ['remediations', 'rules', id, 'approverRoles'],
      roles: rule.approverRoles,
      approvals: rule.approvals,
    })),
    {
      path: ['remediations', 'highestTier', 'approverRoles'],
      roles: highestTier.approverRoles,
      approvals: highestTier.approvals,
    },
  ];
  const findings: Finding[] = candidates
    .map((rule) => ({ ...rule, found: holders(inventory, rule.roles) }))
    .filter((rule) => rule.found < rule.approvals)
    .map((rule) => ({
      severity: 'error',
      path: rule.path,
      message: msg('config.finding.approvers', {
        roles: rule.roles.join(', '),
        needed: rule.approvals,
        found: rule.found,
      }),
    }));
  if (maintenanceOverrideRoles.length > 0 && holders(inventory, maintenanceOverrideRoles) === 0) {
    findings.push({
      severity: 'warning',
      path: ['remediations', 'maintenanceOverrideRoles'],
      message: msg('config.finding.overrideNobody', { roles: maintenanceOverrideRoles.join(', ') }),
    });
  }
  return findings;
}
