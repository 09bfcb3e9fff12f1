import { monthAt } from '../../core/slo/month-range.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { type SloMonth, sloSection } from '../../reports/slo-section.js';
import { CommandUsageError } from '../command-usage-error.js';
import type { SubCommand } from '../sub-command.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The month `/sama slo` shows: the current month so far without an argument or when named, a
 * past month whole; null for an unreadable or future month. Months of the inventory's timezone.
 */
export function sloMonthAsked(word: string | undefined, now: Date, timezone: string): SloMonth | null {
  const current = monthAt(now.getTime(), timezone);
  const day = Number(new Intl.DateTimeFormat('en-US', { timeZone: timezone, day: 'numeric' }).format(now));
  if (word === undefined) return { ...current, whole: false, day };
  const match = MONTH.exec(word);
  if (!match) return null;
  const asked = { year: Number(match[1]), month: Number(match[2]) };
  const order = (month: typeof asked) => month.year * 12 + month.month;
  if (order(asked) > order(current)) return null;
  return order(asked) === order(current) ? { ...current, whole: false, day } : { ...asked, whole: true, day };
}

/**
 * `/sama slo [YYYY-MM]`: the SLOs of a month (default the current one so far), as the monthly
 * report's section shows them: availability, p95 latencies and error budgets per service, and the
 * objectives only Prometheus measures.
 */
export const sloCommand: SubCommand = {
  name: 'slo',
  usage: msg('usage.slo'),
  summary: (locale) => translate(locale, msg('slo.command.summary')),
  async run({ invocation, args, services }) {
    const { inventory, clients, store, signal } = services;
    if (args.length > 1)
      throw new CommandUsageError(msg('slack.help.tooManyArguments', { command: 'slo', max: 1 }));
    const now = new Date();
    const period = sloMonthAsked(args[0], now, inventory.timezone);
    if (!period)
      throw new CommandUsageError(msg('slo.command.badMonth', { month: (args[0] ?? '').slice(0, 20) }));
    const section = await sloSection(
      { inventory, clients, pool: store.pool, signal: signal ?? new AbortController().signal },
      period,
      now,
    );
    const t = (message: Parameters<typeof translate>[1]) => translate(inventory.locale, message);
    await invocation.replies.reply({
      title: t(msg('slo.command.title', { platform: inventory.platform })),
      summary: t(section.title),
      status: section.status,
      sections: [
        {
          lines: section.lines.map((line) => ({
            status: line.status,
            text: `*${line.label}* — ${t(line.text)}`,
          })),
        },
      ],
    });
  },
};
