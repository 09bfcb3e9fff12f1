import { createInterface } from 'node:readline';
import type { HandlerServices } from '../handlers/handler-context.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { consoleOperator } from './console-operator.js';
import { consoleReplies } from './console-replies.js';
import { consoleSession } from './console-session.js';

/** Where the console reads and writes; passed in so that tests and `--script` can drive it. */
export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/**
 * Console mode: the bot's messages and buttons in a terminal, no Slack. With `script`, runs its
 * `;`-separated lines and returns (a number presses a button of the last message); otherwise
 * reads lines until `exit` or end of input.
 */
export async function runConsole(
  services: Omit<HandlerServices, 'access'>,
  io: ConsoleIo,
  script?: string,
): Promise<void> {
  const operator = consoleOperator(services.inventory, io.env.SAMAOPS_CONSOLE_USER);
  const replies = consoleReplies(io.output, {
    colour: Boolean(io.output.isTTY) && !io.env.NO_COLOR,
    locale: services.inventory.locale,
  });
  const session = consoleSession({
    services,
    replies,
    userId: operator.userId,
    channelId: services.inventory.slack.channels[0] ?? 'console',
    output: io.output,
  });
  io.output.write(`${translate(services.inventory.locale, msg('console.welcome'))}\n${operator.notice}\n`);

  if (script !== undefined) {
    for (const line of script.split(/[;\n]/)) {
      io.output.write(`\n> ${line.trim()}\n`);
      if ((await session.handleLine(line)) === 'exit') return;
    }
    return;
  }
  const lines = createInterface({ input: io.input, terminal: false });
  const prompt = () => io.output.write('\nsama> ');
  prompt();
  for await (const line of lines) {
    if ((await session.handleLine(line)) === 'exit') break;
    prompt();
  }
  lines.close();
}
