import type { HandlerServices, Invocation } from '../handlers/handler-context.js';
import { routeAction, routeCommand } from '../handlers/route-command.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { ConsoleReplies } from './console-replies.js';

/** What a typed line led to: keep reading, or stop. */
export type LineResult = 'continue' | 'exit';

/**
 * One operator at a terminal: `/sama …` lines go to the same router as Slack's slash command,
 * a number presses that button of the last message, `exit` ends the session.
 */
export function consoleSession(options: {
  services: HandlerServices;
  replies: ConsoleReplies;
  userId: string;
  channelId: string;
  output: { write(text: string): unknown };
}) {
  const { services, replies, output } = options;
  const invocation: Invocation = { userId: options.userId, channelId: options.channelId, replies };
  const say = (text: string) => output.write(`${text}\n`);
  return {
    async handleLine(raw: string): Promise<LineResult> {
      const line = raw.trim();
      if (line === '') return 'continue';
      if (line === 'exit' || line === 'quit') return 'exit';
      const command = /^\/sama(?:\s+(.*))?$/.exec(line);
      if (command) {
        await routeCommand(command[1] ?? '', invocation, services);
        return 'continue';
      }
      if (/^\d+$/.test(line)) {
        const button = replies.lastButtons()[Number(line) - 1];
        if (!button) {
          say(translate(services.inventory.locale, msg('console.noSuchButton', { number: line })));
          return 'continue';
        }
        await routeAction(button.actionId, button.value, invocation, services);
        return 'continue';
      }
      say(translate(services.inventory.locale, msg('console.notACommand')));
      return 'continue';
    },
  };
}
