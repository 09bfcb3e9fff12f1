import { buildChecks } from '../../checks/build-checks.js';
import { runChecks } from '../../checks/run-checks.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { CommandUsageError } from '../command-usage-error.js';
import type { SubCommand } from '../sub-command.js';
import { statusCheckIds, statusMessage } from './status-message.js';

/** `/sama status`: one line per server and per service, from the fast liveness checks. */
export const statusCommand: SubCommand = {
  name: 'status',
  usage: msg('usage.status'),
  summary: (locale) => translate(locale, msg('slack.command.status.summary')),
  async run({ invocation, args, services }) {
    if (args.length > 0) {
      throw new CommandUsageError(msg('slack.help.tooManyArguments', { command: 'status', max: 0 }));
    }
    const { inventory, clients, metrics, signal } = services;
    const diagnosis = await runChecks(
      buildChecks(statusCheckIds, inventory),
      { inventory, clients },
      { signal },
    );
    metrics.diagnosisDone(diagnosis);
    await invocation.replies.reply(statusMessage(diagnosis, inventory.locale, inventory.platform));
  },
};
