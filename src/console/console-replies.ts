import type { Locale } from '../i18n/define-messages.js';
import { formatBytes } from '../i18n/format-number.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { MessageButton } from '../render/message-model.js';
import { renderMessageText } from '../render/message-terminal.js';
import type { MessageRef, ReplyPort } from '../render/reply-port.js';

/** The console's ReplyPort, plus the buttons of the last message shown (pressed by number). */
export interface ConsoleReplies extends ReplyPort {
  /** Buttons of the last message printed, numbered from 1. */
  lastButtons(): readonly MessageButton[];
}

/** Files whose bytes are text a terminal shows as is (a post-mortem draft); others are only named. */
const TEXT_FILE = /\.(md|txt)$/;

/**
 * Prints every message as terminal text. An update reprints the message under the same number,
 * as Slack would replace it in place; ephemeral answers are marked as seen by you only. A shared
 * file is named, and printed when it is text.
 */
export function consoleReplies(
  output: { write(text: string): unknown },
  options: { colour: boolean; locale: Locale },
): ConsoleReplies {
  const { colour } = options;
  let buttons: readonly MessageButton[] = [];
  let next = 0;
  const print = (prefix: string, message: Parameters<ReplyPort['reply']>[0]) => {
    const rendered = renderMessageText(message, { colour });
    buttons = rendered.buttons;
    output.write(`\n${prefix}\n${rendered.text}`);
  };
  return {
    lastButtons: () => buttons,
    async reply(message) {
      print('───', message);
    },
    async postMessage(message) {
      next += 1;
      const ref: MessageRef = { channel: 'console', ts: String(next) };
      print(`─── #${ref.ts}`, message);
      return ref;
    },
    async updateMessage(ref, message) {
      print(`─── #${ref.ts} ↻`, message);
    },
    async respondEphemeral(message) {
      print(`─── ${translate(options.locale, msg('console.ephemeral'))}`, message);
    },
    async uploadFile(file) {
      const size = formatBytes(file.bytes.length, options.locale);
      const named = msg('console.file', { filename: file.filename, title: file.title, size });
      const text = TEXT_FILE.test(file.filename) ? `\n${Buffer.from(file.bytes).toString('utf8')}` : '';
      output.write(`\n─── ${translate(options.locale, named)}${text}\n`);
    },
  };
}
