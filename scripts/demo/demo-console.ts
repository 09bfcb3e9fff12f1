import { type ComposedBot, composeBot } from '../../src/app/compose-bot.js';
import type { Inventory } from '../../src/config/schema.js';
import { consoleReplies } from '../../src/console/console-replies.js';
import { consoleSender } from '../../src/console/console-sender.js';
import { consoleSession } from '../../src/console/console-session.js';
import type { Logger } from '../../src/logging/logger.js';
import type { SlackSender } from '../../src/outbound/slack-sender.js';
import type { ChatMessage } from '../../src/render/message-model.js';
import type { ReplyPort } from '../../src/render/reply-port.js';
import { DEMO_CHANNEL } from './demo-inventory.js';

/** The bot in console mode as the demo drives it, with what it showed recorded for the checks. */
export interface DemoConsole {
  bot: ComposedBot;
  session: ReturnType<typeof consoleSession>;
  /** The last message the session's replies showed (posted, updated or answered). */
  lastMessage(): ChatMessage | undefined;
  /** Buttons of the last message, as the console numbers them. */
  lastButtons(): ReturnType<ReturnType<typeof consoleReplies>['lastButtons']>;
  /** Channels escalation posted to (`dm:USERID` for a direct message), in order. */
  delivered: string[];
}

/**
 * composeBot's console, given a sender: the escalation workers and the watch run here too, and
 * their posts and pages print between the commands.
 */
export async function startDemoConsole(options: {
  inventory: Inventory;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  output: { write(text: string): unknown; isTTY?: boolean };
  firstOperator: string;
}): Promise<DemoConsole> {
  const { inventory, output } = options;
  const colour = Boolean(output.isTTY) && !options.env.NO_COLOR;
  const delivered: string[] = [];
  const sender = recordingSender(consoleSender(output, inventory, { colour }), delivered);
  const bot = await composeBot(
    { inventory, logger: options.logger, surface: 'console', consoleSender: sender },
    options.env,
  );
  const replies = consoleReplies(output, { colour, locale: inventory.locale });
  let last: ChatMessage | undefined;
  const recorded: typeof replies = {
    ...replies,
    ...recordingPort(replies, (message) => {
      last = message;
    }),
  };
  const session = consoleSession({
    services: bot.services,
    replies: recorded,
    userId: options.firstOperator,
    channelId: DEMO_CHANNEL,
    output,
  });
  return { bot, session, lastMessage: () => last, lastButtons: () => replies.lastButtons(), delivered };
}

function recordingSender(sender: SlackSender, delivered: string[]): SlackSender {
  return {
    ...sender,
    async post(channel, message, threadTs) {
      const ref = await sender.post(channel, message, threadTs);
      delivered.push(channel);
      return ref;
    },
  };
}

function recordingPort(port: ReplyPort, record: (message: ChatMessage) => void): ReplyPort {
  const seen = (message: ChatMessage) => {
    record(message);
    return message;
  };
  return {
    reply: (message) => port.reply(seen(message)),
    postMessage: (message) => port.postMessage(seen(message)),
    updateMessage: (ref, message) => port.updateMessage(ref, seen(message)),
    respondEphemeral: (message) => port.respondEphemeral(seen(message)),
  };
}
