import { clockTime } from '../../escalation/incident-message.js';
import { parseDuration } from '../../escalation/parse-duration.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { startMaintenance, stopMaintenance } from '../../store/incidents/oncall-and-maintenance.js';
import { CommandUsageError } from '../command-usage-error.js';
import { notice, requireEscalation } from '../incident-handler-support.js';
import type { SubCommand } from '../sub-command.js';

const USAGE = msg('usage.maintenance');

/** `/sama maintenance start 2h "reason"` / `stop`: pages suspended while the window runs. */
export const maintenanceCommand: SubCommand = {
  name: 'maintenance',
  usage: USAGE,
  summary: (locale) => translate(locale, msg('incidents.command.maintenance.summary')),
  async run({ invocation, args, services }) {
    const locale = services.inventory.locale;
    const tz = services.inventory.timezone;
    const usage = () => new CommandUsageError(msg('incidents.error.usage', { usage: USAGE }));
    const ready = await requireEscalation(services, invocation);
    if (!ready) return;
    const now = Date.now();
    const [verb, duration, ...reasonWords] = args;
    switch ((verb ?? '').toLowerCase()) {
      case '': {
        const window = await ready.escalation.activeMaintenance(now);
        await invocation.replies.reply(
          window
            ? notice(locale, 'incidents.maintenance.active', {
                time: clockTime(window.untilMs, tz),
                reason: window.reason,
              })
            : notice(locale, 'incidents.maintenance.none'),
        );
        return;
      }
      case 'start': {
        const ms = parseDuration(duration ?? '');
        const reason = reasonWords
          .join(' ')
          .replace(/^["“«]\s*|\s*["”»]$/g, '')
          .slice(0, 200);
        if (ms === null || reason === '') throw usage();
        await startMaintenance(ready.pool, { reason, by: invocation.userId, untilMs: now + ms }, now);
        await invocation.replies.reply(
          notice(locale, 'incidents.maintenance.started', { time: clockTime(now + ms, tz), reason }),
        );
        return;
      }
      case 'stop': {
        const stopped = await stopMaintenance(ready.pool, invocation.userId, now);
        // Incidents waiting on the window's end are paged at their next repeat (at most one interval).
        await invocation.replies.reply(
          notice(locale, stopped > 0 ? 'incidents.maintenance.stopped' : 'incidents.maintenance.none'),
        );
        return;
      }
      default:
        throw usage();
    }
  },
};
