import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { localeFor } from '../../render/reply-port.js';
import { helpMessage } from '../help-message.js';
import type { SubCommand } from '../sub-command.js';

/** `/sama help`: the sub-commands and their usage, shown only to the person who asked. */
export const helpCommand: SubCommand = {
  name: 'help',
  usage: msg('usage.help'),
  summary: (locale) => translate(locale, msg('slack.command.help.summary')),
  async run({ invocation, services, commands }) {
    const locale = await localeFor(invocation, services.inventory.locale);
    await invocation.replies.respondEphemeral(helpMessage(locale, commands));
  },
};
