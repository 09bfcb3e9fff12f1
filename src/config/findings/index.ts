import type { Inventory } from '../schema.js';
import { approvalFindings } from './approval-findings.js';
import { escalationCoverageFindings } from './escalation-coverage.js';
import type { Finding } from './finding.js';
import { notifyFindings } from './notify-findings.js';
import { referenceFindings } from './reference-findings.js';
import { sloFindings } from './slo-findings.js';

export type { Finding, FindingSeverity } from './finding.js';

/** What a schema cannot see in a valid inventory: unreachable levels, unsatisfiable approvals, dangling names. Pure. */
export function inventoryFindings(inventory: Inventory): Finding[] {
  return [
    ...escalationCoverageFindings(inventory),
    ...approvalFindings(inventory),
    ...referenceFindings(inventory),
    ...sloFindings(inventory),
    ...notifyFindings(inventory),
  ];
}
