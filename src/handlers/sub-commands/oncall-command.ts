import { teamRoles } from '../../config/schema.js';
import { onCallFor } from '../../core/escalation/on-call.js';
import { clockTime, mention } from '../../escalation/incident-message.js';
import { parseDuration } from '../../escalation/parse-duration.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { activeOverrides, addOverride } from '../../store/incidents/oncall-and-maintenance.js';
import { CommandUsageError } from '../command-usage-error.js';
import { notice, requireEscalation } from '../incident-handler-support.js';
import type { SubCommand } from '../sub-command.js';
import { personOf } from './oncall-person.js';
import { runOncallTest } from './oncall-test.js';

const USAGE = msg('usage.oncall');

export { personOf };

/**
 * `/sama oncall`: who is reachable now, per role; `override @user role 8h` takes a shift; `test
 * [@person]` sends a test page by each of the person's channels.
 */
export const oncallCommand: SubCommand = {
  name: 'oncall',
  usage: USAGE,
  summary: (locale) => translate(locale, msg('incidents.command.oncall.summary')),
  async run({ invocation, args, services }) {
    const locale = services.inventory.locale;
    const usage = () => new CommandUsageError(msg('incidents.error.usage', { usage: USAGE }));
    const ready = await requireEscalation(services, invocation);
    if (!ready) return;
    const now = Date.now();
    const t = (key: Parameters<typeof msg>[0], params?: Record<string, string | number>) =>
      translate(locale, msg(key, params));
    if (args.length === 0) {
      const snapshot = ready.escalation.snapshot();
      const overrides = await activeOverrides(ready.pool, now);
      await invocation.replies.reply({
        title: t('incidents.oncall.title'),
        sections: [
          {
            lines: teamRoles.map((role) => {
              const people = onCallFor(snapshot, role, overrides, now);
              return {
                text: t('incidents.oncall.line', {
                  role,
                  people: people.length > 0 ? people.map(mention).join(' ') : t('incidents.oncall.nobody'),
                }),
                status: people.length > 0 ? ('ok' as const) : ('warn' as const),
              };
            }),
          },
        ],
      });
      return;
    }
    const [verb, who, role, duration] = args;
    if (verb === 'test' && args.length <= 2) {
      await runOncallTest(services, ready.escalation, invocation, who);
      return;
    }
    const slackId = personOf(who ?? '');
    const ms = parseDuration(duration ?? '');
    if (verb !== 'override' || !teamRoles.includes(role as (typeof teamRoles)[number]) || ms === null) {
      throw usage();
    }
    if (!slackId) {
      throw new CommandUsageError(
        msg('incidents.oncall.badPerson', {
          given: Array.from(who ?? '')
            .slice(0, 40)
            .join(''),
        }),
      );
    }
    const untilMs = now + ms;
    await addOverride(
      ready.pool,
      { slackId, role: role as (typeof teamRoles)[number], untilMs, by: invocation.userId },
      now,
    );
    await invocation.replies.reply(
      notice(locale, 'incidents.oncall.overrideSet', {
        who: mention(slackId),
        role: role ?? '',
        time: clockTime(untilMs, services.inventory.timezone),
      }),
    );
  },
};
