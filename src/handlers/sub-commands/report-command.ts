import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { chartsForReports } from '../../reports/charts/report-chart-file.js';
import { produceReport } from '../../reports/produce-report.js';
import { reportMessage } from '../../reports/report-message.js';
import { isReportKind, reportKinds } from '../../reports/report-model.js';
import { reportThread } from '../../reports/report-thread.js';
import { CommandUsageError } from '../command-usage-error.js';
import type { SubCommand } from '../sub-command.js';

/**
 * `/sama report daily|weekly|monthly`: produces that report now, stores it (with its trend) and
 * shows it. Where replies have threads (Slack), it is posted as the scheduled ones are: the summary
 * as one message, every section in its thread, then (weekly, monthly, with the bot's database)
 * the charts; elsewhere (the console) as one whole message.
 */
export const reportCommand: SubCommand = {
  name: 'report',
  usage: msg('usage.report', { kinds: reportKinds.join('|') }),
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
    const options = { locale: inventory.locale, platform: inventory.platform, timezone: inventory.timezone };
    const { replies } = invocation;
    if (!replies.postInThread) {
      await replies.reply(reportMessage(report, options));
      return;
    }
    const thread = reportThread(report, options);
    const ref = await replies.postMessage(thread.main);
    // Every reply is attempted; the first failure is then told to the person who asked.
    let failed: unknown;
    for (const reply of thread.replies) {
      await replies.postInThread(ref, reply).catch((error: unknown) => {
        failed ??= error;
      });
    }
    if (failed !== undefined) throw failed;
    if (!replies.uploadFile || !store.pool) return;
    const charts = chartsForReports({
      inventory,
      pool: store.pool,
      slo: services.slo?.charts,
      logger: services.logger,
    });
    const chart = await charts(kind, new Date(report.createdAt));
    if (chart) await replies.uploadFile(chart, ref);
  },
};
