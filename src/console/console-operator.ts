import type { Inventory } from '../config/schema.js';
import { CodedError } from '../i18n/coded-error.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';

/** Slack-like id of the local operator when the inventory lists no team (console only). */
export const LOCAL_OPERATOR_ID = 'ULOCALOPS';

/** Who acts at the console, and the line telling them so. */
export interface ConsoleOperator {
  userId: string;
  notice: string;
}

/** The requested person is not in the team: the console refuses to start rather than guess. */
export class ConsoleOperatorError extends CodedError<'CONSOLE_OPERATOR'> {
  readonly code = 'CONSOLE_OPERATOR';
}

/**
 * `SAMAOPS_CONSOLE_USER` (a slackId of the team), else the first team member; with an empty
 * team, a local operator, and the console says so.
 */
export function consoleOperator(inventory: Inventory, requested: string | undefined): ConsoleOperator {
  const t = (key: Parameters<typeof msg>[0], params: Record<string, string>) =>
    translate(inventory.locale, msg(key, params));
  if (requested) {
    const person = inventory.team.find((member) => member.slackId === requested);
    if (!person) {
      const problem = msg('console.unknownUser', { slackId: requested });
      throw new ConsoleOperatorError(problem, t('console.unknownUser', { slackId: requested }));
    }
    return {
      userId: person.slackId,
      notice: t('console.user', { name: person.name, slackId: person.slackId }),
    };
  }
  const first = inventory.team[0];
  if (first)
    return { userId: first.slackId, notice: t('console.user', { name: first.name, slackId: first.slackId }) };
  return { userId: LOCAL_OPERATOR_ID, notice: t('console.localOperator', { slackId: LOCAL_OPERATOR_ID }) };
}
