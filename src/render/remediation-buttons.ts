import type { CheckResult } from '../checks/check.js';
import type { Locale } from '../i18n/define-messages.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import {
  SUGGESTED_REMEDIATION_ACTION,
  suggestedRemediations,
  suggestionValue,
} from '../playbooks/guard/suggested-remediations.js';
import type { MessageLine } from './message-model.js';
import { slackLimits } from './message-model.js';

/** A report line with the buttons of the remediations that fit its failure (none when it is not failing). */
export function withRemediationButtons(line: MessageLine, result: CheckResult, locale: Locale): MessageLine {
  const buttons = suggestedRemediations(result).map((suggestion) => {
    const value = suggestionValue(suggestion);
    return {
      actionId: SUGGESTED_REMEDIATION_ACTION,
      label: translate(locale, msg('remediation.button.suggest', { action: value })).slice(
        0,
        slackLimits.buttonText,
      ),
      value,
    };
  });
  return buttons.length > 0 ? { ...line, buttons } : line;
}
