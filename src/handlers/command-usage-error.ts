import type { Message } from '../i18n/message.js';

/** A bad argument: the router answers with the problem and the help, and nothing runs. */
export class CommandUsageError extends Error {
  readonly code = 'COMMAND_USAGE';
  constructor(readonly problem: Message) {
    super(`bad usage: ${problem.key}`);
  }
}
