import type { CheckResult } from '../../checks/check.js';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { suffixedActionId } from '../../render/action-id.js';
import { type MessageLine, slackLimits } from '../../render/message-model.js';
import {
  SUGGESTED_REMEDIATION_ACTION,
  suggestedRemediations,
  suggestionValue,
} from './suggested-remediations.js';

/**
 * A report line with the buttons of the remediations that fit its failure (none when it is not
 * failing). `offered` holds the suggestions of the lines above, and gets this line's: a report
 * offers each fix once (both API instances down: one Restart per container, not one per line that
 * sees it). Each button's action id is unique on its line (`sama.remediation.suggest:1`, `:2`).
 */
export function withRemediationButtons(
  line: MessageLine,
  result: CheckResult,
  locale: Locale,
  offered: Set<string> = new Set(),
): MessageLine {
  const values = suggestedRemediations(result)
    .map(suggestionValue)
    // A value longer than a button takes could not name an inventory target anyway.
    .filter((value) => value.length <= slackLimits.buttonValue && !offered.has(value));
  for (const value of values) offered.add(value);
  const buttons = values.map((value, index) => ({
    actionId: suffixedActionId(SUGGESTED_REMEDIATION_ACTION, index + 1),
    label: translate(locale, msg('remediation.button.suggest', { action: value })),
    value,
  }));
  return buttons.length > 0 ? { ...line, buttons } : line;
}
