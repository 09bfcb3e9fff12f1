import type { EscalationService } from '../../escalation/escalation-service.js';
import { mention } from '../../escalation/incident-message.js';
import type { TestPageResult } from '../../escalation/pages/test-page.js';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { ChatMessage } from '../../render/message-model.js';
import { CommandUsageError } from '../command-usage-error.js';
import type { HandlerServices, Invocation } from '../handler-context.js';
import { notice } from '../incident-handler-support.js';
import { personOf } from './oncall-person.js';

/** The report of a test page: one line per channel, delivered or failed, and how long it took. */
export function testPageMessage(
  name: string,
  results: readonly TestPageResult[],
  locale: Locale,
): ChatMessage {
  const t = (key: Parameters<typeof msg>[0], params?: Record<string, string | number>) =>
    translate(locale, msg(key, params));
  return {
    title: t('pages.test.title', { name }),
    status: results.every((result) => result.delivered) ? 'ok' : 'fail',
    sections: [
      {
        lines: results.map((result) => {
          const channel = t(`pages.channel.${result.channel}`);
          return result.delivered
            ? { text: t('pages.test.delivered', { channel, ms: result.ms }), status: 'ok' as const }
            : {
                text: t('pages.test.failed', { channel, ms: result.ms, reason: result.reason ?? '' }),
                status: 'fail' as const,
              };
        }),
      },
    ],
  };
}

/**
 * `/sama oncall test [@person]`: a test page to the person (default: whoever asks) by each of
 * their channels; the answer, to the asker only, says per channel delivered or failed, and in
 * how long.
 */
export async function runOncallTest(
  services: HandlerServices,
  escalation: EscalationService,
  invocation: Invocation,
  who: string | undefined,
): Promise<void> {
  const locale = services.inventory.locale;
  const slackId = who === undefined ? invocation.userId : personOf(who);
  if (!slackId) {
    const given = Array.from(who ?? '')
      .slice(0, 40)
      .join('');
    throw new CommandUsageError(msg('incidents.oncall.badPerson', { given }));
  }
  const team = services.inventory.team;
  const asker = team.find((member) => member.slackId === invocation.userId)?.name ?? invocation.userId;
  const results = await escalation.testPage(slackId, asker);
  const person = team.find((member) => member.slackId === slackId);
  if (!results || !person) {
    await invocation.replies.respondEphemeral(
      notice(locale, 'pages.test.notInTeam', { who: mention(slackId) }),
    );
    return;
  }
  await invocation.replies.respondEphemeral(testPageMessage(person.name, results, locale));
}
