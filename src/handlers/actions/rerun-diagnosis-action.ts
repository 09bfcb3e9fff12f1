import { msg } from '../../i18n/message.js';
import { isPlaybookId, playbookIds } from '../../playbooks/diagnose-playbooks.js';
import { RERUN_DIAGNOSIS_ACTION } from '../../playbooks/diagnosis-message.js';
import { CommandUsageError } from '../command-usage-error.js';
import { runDiagnosisFlow } from '../diagnosis-flow.js';
import type { ActionHandler } from '../sub-command.js';

/** "Run the diagnosis again": the button's value must be a playbook id, nothing else. */
export const rerunDiagnosisAction: ActionHandler = {
  actionId: RERUN_DIAGNOSIS_ACTION,
  async run({ invocation, value, services }) {
    if (!isPlaybookId(value)) {
      throw new CommandUsageError(
        msg('slack.help.badArgument', {
          argument: value.slice(0, 40),
          command: 'diagnose',
          valid: playbookIds.join(', '),
        }),
      );
    }
    await runDiagnosisFlow(invocation, services, value);
  },
};
