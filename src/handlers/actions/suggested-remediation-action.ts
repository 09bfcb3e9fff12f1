import { type RemediationId, remediationIds } from '../../core/remediation/remediation.js';
import { msg } from '../../i18n/message.js';
import { requestRemediation } from '../../playbooks/guard/request-remediation.js';
import { SUGGESTED_REMEDIATION_ACTION } from '../../playbooks/guard/suggested-remediations.js';
import { CommandUsageError } from '../command-usage-error.js';
import { guardContextOf } from '../guard-context-of.js';
import type { ActionHandler } from '../sub-command.js';

/**
 * A remediation button on a failing diagnosis line: the same as typing `/sama <value>`. The value
 * names a remediation and a target; both are validated again (id list, the remediation's `parse`
 * against the inventory), and the press only creates a request that still needs its approvals.
 */
export const suggestedRemediationAction: ActionHandler = {
  actionId: SUGGESTED_REMEDIATION_ACTION,
  async run({ invocation, value, services }) {
    const [id, ...words] = value.split(' ').filter(Boolean);
    if (!remediationIds.includes(id as RemediationId))
      throw new CommandUsageError(
        msg('slack.help.unknownCommand', { name: String(id).slice(0, 40), valid: remediationIds.join(', ') }),
      );
    const result = await requestRemediation(guardContextOf(services), invocation, id as RemediationId, words);
    if (result.kind === 'usage') throw new CommandUsageError(result.problem);
  },
};
