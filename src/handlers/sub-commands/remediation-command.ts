import type { RemediationId } from '../../core/remediation/remediation.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { requestRemediation } from '../../playbooks/guard/request-remediation.js';
import { remediations } from '../../playbooks/remediations/index.js';
import { CommandUsageError } from '../command-usage-error.js';
import { guardContextOf } from '../guard-context-of.js';
import type { SubCommand } from '../sub-command.js';

/**
 * `/sama <remediation> <args>`: asks the guard for a stored request (parse, preview, evidence,
 * approval message). Bad arguments get the help with the valid values, and nothing is stored.
 */
export function remediationCommand(id: RemediationId): SubCommand {
  return {
    name: id,
    usage: remediations[id].usage,
    summary: (locale) => translate(locale, msg('remediation.command.summary', { id })),
    async run({ invocation, args, services }) {
      const result = await requestRemediation(guardContextOf(services), invocation, id, args);
      if (result.kind === 'usage') throw new CommandUsageError(result.problem);
    },
  };
}
