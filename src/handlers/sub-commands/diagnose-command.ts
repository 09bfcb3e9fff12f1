import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { isPlaybookId, playbookIds } from '../../playbooks/diagnose-playbooks.js';
import { CommandUsageError } from '../command-usage-error.js';
import { runDiagnosisFlow } from '../diagnosis-flow.js';
import type { SubCommand } from '../sub-command.js';

/** `/sama diagnose [playbook]`: runs a diagnose playbook (default `all`) and posts its report. */
export const diagnoseCommand: SubCommand = {
  name: 'diagnose',
  usage: msg('usage.diagnose', { playbooks: playbookIds.join('|') }),
  summary: (locale) =>
    translate(locale, msg('slack.command.diagnose.summary', { playbooks: playbookIds.join(', ') })),
  async run({ invocation, args, services }) {
    if (args.length > 1) {
      throw new CommandUsageError(msg('slack.help.tooManyArguments', { command: 'diagnose', max: 1 }));
    }
    const playbook = args[0] ?? 'all';
    if (!isPlaybookId(playbook)) {
      throw new CommandUsageError(
        msg('slack.help.badArgument', {
          argument: playbook,
          command: 'diagnose',
          valid: playbookIds.join(', '),
        }),
      );
    }
    await runDiagnosisFlow(invocation, services, playbook);
  },
};
