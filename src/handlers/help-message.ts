import type { Locale } from '../i18n/define-messages.js';
import { type Message, msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { ChatMessage } from '../render/message-model.js';
import type { SubCommand } from './sub-command.js';
import { usageLine } from './usage-message.js';

/** The help: every sub-command with its usage; `problem` first when the help answers a mistake. */
export function helpMessage(locale: Locale, commands: readonly SubCommand[], problem?: Message): ChatMessage {
  return {
    title: translate(locale, msg('slack.help.title')),
    summary: problem ? translate(locale, problem) : translate(locale, msg('slack.help.intro')),
    sections: [
      {
        lines: commands.map((command) => ({ text: usageLine(command, locale) })),
      },
    ],
  };
}

/** Names of the sub-commands, for "valid: …" answers. */
export function commandNames(commands: readonly SubCommand[]): string {
  return commands.map((command) => command.name).join(', ');
}
