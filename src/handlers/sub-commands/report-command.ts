import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { produceReport } from '../../reports/produce-report.js';
import { reportMessage } from '../../reports/report-message.js';
import { isReportKind, reportKinds } from '../../reports/report-model.js';
import { CommandUsageError } from '../command-usage-error.js';
import type { SubCommand } from '../sub-command.js';

/** `/sama report daily|weekly|monthly`: produces that report now, stores it (with its trend) and shows it. */
export const reportCommand: SubCommand = {
  name: 'report',
  usage: 'report daily|weekly|monthly',
  summary: (locale) => translate(locale, msg('report.command.summary')),
  async run({ invocation, args, services }) {
    const [kind = 'daily', ...rest] = args;
    if (rest.length > 0) {
      throw new CommandUsageError(msg('slack.help.tooManyArguments', { command: 'report', max: 1 }));
    }
    if (!isReportKind(kind)) {
      throw new CommandUsageError(
        msg('report.command.unknownKind', { kind: kind.slice(0, 20), valid: reportKinds.join(', ') }),
      );
    }
    const { inventory, clients, store, signal } = services;
    const { report } = await produceReport(kind, { inventory, clients }, { pool: store.pool, signal });
    await invocation.replies.reply(
      reportMessage(report, {
        locale: inventory.locale,
        platform: inventory.platform,
        timezone: inventory.timezone,
      }),
    );
  },
};
