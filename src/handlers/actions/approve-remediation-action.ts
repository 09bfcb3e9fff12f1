import { approveRemediation } from '../../playbooks/guard/approve-remediation.js';
import { auditRefusedAccess } from '../../playbooks/guard/audit-refused-access.js';
import { APPROVE_REMEDIATION_ACTION } from '../../playbooks/guard/request-message.js';
import { guardContextOf } from '../guard-context-of.js';
import type { ActionHandler } from '../sub-command.js';

/** Approve: the value is a stored request's id; the guard checks everything else against the store. */
export const approveRemediationAction: ActionHandler = {
  actionId: APPROVE_REMEDIATION_ACTION,
  async run({ invocation, value, services }) {
    await approveRemediation(guardContextOf(services), invocation, value);
  },
  async onRefused({ invocation, value, services }) {
    await auditRefusedAccess(guardContextOf(services), invocation, value, 'approve');
  },
};
