import { z } from 'zod';

/**
 * Approval rules of the guarded remediations (PRODUCT.md §3), key `remediations` of the inventory.
 * Every remediation has a rule with defaults from the runbook's contact table; the inventory
 * overrides any field. Requests of the highest risk tier (FLUSHDB, purging `urgent` or
 * `high_priority`) are held to `highestTier` whatever their own rule says.
 */

// The roles of schema.ts's `teamRoles`, restated because schema.ts imports this file (an import
// back would be circular); test/config/remediation-policy-schema.test.ts keeps the two equal.
export const approverRoleNames = ['support_n1', 'devops', 'dba', 'backend', 'lead', 'architect'] as const;
const role = z.enum(approverRoleNames);

/** 1 approval, or 2 from distinct people. */
const approvalCount = z.union([z.literal(1), z.literal(2)]);

interface RuleDefaults {
  approverRoles: (typeof approverRoleNames)[number][];
  approvals: 1 | 2;
  cooldownMinutes: number;
  hourlyCap: number;
}

const ruleSchema = (defaults: RuleDefaults) =>
  z
    .strictObject({
      /** Roles (from `team[].roles`) whose members may approve. */
      approverRoles: z.array(role).min(1).default(defaults.approverRoles),
      /** Approvals needed: 1, or 2 distinct people. */
      approvals: approvalCount.default(defaults.approvals),
      /** Minutes after a run on the same target before another may be requested. */
      cooldownMinutes: z.number().int().min(0).max(1440).default(defaults.cooldownMinutes),
      /** Runs of this remediation (all targets) allowed per rolling hour. */
      hourlyCap: z.number().int().min(1).max(100).default(defaults.hourlyCap),
      /** Whether it may run during a maintenance window. Default false: the window's owner acts by hand. */
      allowedDuringMaintenance: z.boolean().default(false),
    })
    .prefault({});

const operators: RuleDefaults['approverRoles'] = ['devops', 'lead', 'architect'];
const databaseOperators: RuleDefaults['approverRoles'] = ['dba', 'devops', 'lead', 'architect'];

export const remediationPolicySchema = z
  .strictObject({
    /** Minutes a request waits for its approvals before it expires. Default 10. */
    approvalTtlMinutes: z.number().int().min(1).max(120).default(10),
    /** Tier-3 requests (FLUSHDB, purging urgent/high_priority): default 2 distinct approvers among lead, architect, devops. */
    highestTier: z
      .strictObject({
        approverRoles: z.array(role).min(1).default(['lead', 'architect', 'devops']),
        approvals: approvalCount.default(2),
      })
      .prefault({}),
    /**
     * During a maintenance window, a remediation whose rule does not allow it may still be
     * requested, but only these roles may approve it (PRODUCT.md §5: "forced by an N3 approver").
     * Default the runbook's N3: lead and architect. Empty: refused outright.
     */
    maintenanceOverrideRoles: z.array(role).default(['lead', 'architect']),
    /** One rule per remediation id. */
    rules: z
      .strictObject({
        restart: ruleSchema({ approverRoles: operators, approvals: 1, cooldownMinutes: 5, hourlyCap: 6 }),
        purge: ruleSchema({ approverRoles: operators, approvals: 1, cooldownMinutes: 10, hourlyCap: 4 }),
        'kill-queries': ruleSchema({
          approverRoles: databaseOperators,
          approvals: 1,
          cooldownMinutes: 5,
          hourlyCap: 6,
        }),
        vacuum: ruleSchema({
          approverRoles: databaseOperators,
          approvals: 1,
          cooldownMinutes: 30,
          hourlyCap: 2,
        }),
        scale: ruleSchema({ approverRoles: operators, approvals: 1, cooldownMinutes: 5, hourlyCap: 6 }),
        cleanup: ruleSchema({ approverRoles: operators, approvals: 1, cooldownMinutes: 60, hourlyCap: 2 }),
        'flush-redis': ruleSchema({
          approverRoles: ['lead', 'architect', 'devops'],
          approvals: 2,
          cooldownMinutes: 60,
          hourlyCap: 1,
        }),
      })
      .prefault({}),
  })
  .prefault({});

/** The `remediations` section of a parsed inventory. */
export type RemediationPolicy = z.infer<typeof remediationPolicySchema>;
/** One remediation's rule, defaults applied. */
export type RemediationRule = RemediationPolicy['rules']['restart'];
