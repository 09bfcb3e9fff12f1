import type { Inventory } from '../config/schema.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { SlackSender } from '../outbound/slack-sender.js';
import type { ChatMessage } from '../render/message-model.js';
import { renderMessageText } from '../render/message-terminal.js';
import { toPlainText } from '../render/slack-text.js';

/** Prefix of the console's stand-in for a DM channel: `dm:` and the person's slackId. */
const DM_PREFIX = 'dm:';

/**
 * The SlackSender of a console that runs the escalation workers (the demo): what the bot would post
 * to the incident channel, its threads and people's DMs is printed, headed by where it would go.
 * Buttons are left out: at the console, `/sama incident ack ID` and the like act on incidents.
 */
export function consoleSender(
  output: { write(text: string): unknown },
  inventory: Pick<Inventory, 'locale' | 'team'>,
  options: { colour: boolean },
): SlackSender {
  const t = (key: Parameters<typeof msg>[0], params: Record<string, string>) =>
    translate(inventory.locale, msg(key, params));
  const nameOf = (slackId: string) =>
    inventory.team.find((person) => person.slackId === slackId)?.name ?? slackId;
  let next = 0;
  const where = (channel: string, threadTs?: string) => {
    if (channel.startsWith(DM_PREFIX))
      return t('console.sender.dm', { name: nameOf(channel.slice(DM_PREFIX.length)) });
    if (threadTs) return t('console.sender.thread', { channel, ts: threadTs });
    return t('console.sender.channel', { channel });
  };
  const text = (message: ChatMessage | string) =>
    typeof message === 'string'
      ? `${toPlainText(message)}\n`
      : renderMessageText(withoutButtons(message), options).text;
  return {
    async post(channel, message, threadTs) {
      next += 1;
      const ts = String(next);
      output.write(`\n─── ${where(channel, threadTs)} #${ts}\n${text(message)}`);
      return { channel, ts };
    },
    async update(channel, ts, message) {
      output.write(`\n─── ${where(channel)} #${ts} ↻\n${text(message)}`);
    },
    async openDm(userId) {
      return `${DM_PREFIX}${userId}`;
    },
  };
}

function withoutButtons(message: ChatMessage): ChatMessage {
  const { buttons: _buttons, ...rest } = message;
  return {
    ...rest,
    sections: message.sections.map((section) => ({
      ...section,
      lines: section.lines.map(({ buttons: _lineButtons, ...line }) => line),
    })),
  };
}
