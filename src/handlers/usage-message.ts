import type { Locale } from '../i18n/define-messages.js';
import type { Message } from '../i18n/message.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { ChatMessage } from '../render/message-model.js';
import type { SubCommand } from './sub-command.js';

/** The one usage line of a sub-command, as the help shows it. */
export function usageLine(command: SubCommand, locale: Locale): string {
  return `\`/sama ${translate(locale, command.usage)}\` — ${command.summary(locale)}`;
}

/**
 * The answer to a usage mistake: the one thing that was wrong, then the usage line of the
 * sub-command it was about (or, when the sub-command itself is unknown, how to get the help);
 * never the whole help.
 */
export function usageMessage(
  locale: Locale,
  problem: Message,
  command: SubCommand | undefined,
  help: SubCommand | undefined,
): ChatMessage {
  const about = command ?? help;
  return {
    title: translate(locale, msg('slack.help.title')),
    summary: translate(locale, problem),
    sections: about ? [{ lines: [{ text: usageLine(about, locale) }] }] : [],
  };
}
