import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { localeFor } from '../../render/reply-port.js';
import { auditLine } from '../../store/audit/audit-line.js';
import { latestAudit } from '../../store/audit/audit-log.js';
import { CommandUsageError } from '../command-usage-error.js';
import type { SubCommand } from '../sub-command.js';

/** Entries shown without a count, and at most: one Slack section holds 3000 characters. */
const DEFAULT_COUNT = 10;
const MAX_COUNT = 25;

/** `/sama audit [n]`: the newest n entries of the audit log (default 10), for the person who asked. */
export const auditCommand: SubCommand = {
  name: 'audit',
  usage: msg('usage.audit'),
  summary: (locale) => translate(locale, msg('remediation.command.audit.summary')),
  async run({ invocation, args, services }) {
    const [first, ...rest] = args;
    const count = first === undefined ? DEFAULT_COUNT : Number(first);
    if (rest.length > 0 || !Number.isInteger(count) || count < 1 || count > MAX_COUNT)
      throw new CommandUsageError(
        msg('remediation.audit.badCount', { max: MAX_COUNT, argument: String(first).slice(0, 20) }),
      );
    // Shown to the person who asked alone: in their language.
    const locale = await localeFor(invocation, services.inventory.locale);
    const pool = services.store.pool;
    const unavailable = () =>
      invocation.replies.respondEphemeral({
        title: 'samaops',
        summary: translate(locale, msg('remediation.refused.storeUnavailable')),
        sections: [],
      });
    if (!pool) return unavailable();
    const entries = await latestAudit(pool, count).catch(() => undefined);
    if (!entries) return unavailable();
    await invocation.replies.respondEphemeral({
      title: translate(locale, msg('remediation.audit.title', { count: entries.length })),
      summary: entries.length === 0 ? translate(locale, msg('remediation.audit.empty')) : undefined,
      sections:
        entries.length === 0
          ? []
          : [{ lines: entries.map((entry) => ({ text: `\`${auditLine(entry)}\`` })) }],
    });
  },
};
