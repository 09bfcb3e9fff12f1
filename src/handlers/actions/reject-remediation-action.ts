import { auditRefusedAccess } from '../../playbooks/guard/audit-refused-access.js';
import { rejectRemediation } from '../../playbooks/guard/reject-remediation.js';
import { REJECT_REMEDIATION_ACTION } from '../../playbooks/guard/request-message.js';
import { guardContextOf } from '../guard-context-of.js';
import type { ActionHandler } from '../sub-command.js';

/** Reject: the value is a stored request's id; the requester or an allowed approver ends it. */
export const rejectRemediationAction: ActionHandler = {
  actionId: REJECT_REMEDIATION_ACTION,
  async run({ invocation, value, services }) {
    await rejectRemediation(guardContextOf(services), invocation, value);
  },
  async onRefused({ invocation, value, services }) {
    await auditRefusedAccess(guardContextOf(services), invocation, value, 'reject');
  },
};
