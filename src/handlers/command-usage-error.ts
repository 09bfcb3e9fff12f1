import { CodedError } from '../i18n/coded-error.js';
import type { Message } from '../i18n/message.js';

/** A bad argument: the router answers with the problem and the help, and nothing runs. */
export class CommandUsageError extends CodedError<'COMMAND_USAGE'> {
  readonly code = 'COMMAND_USAGE';
  constructor(readonly problem: Message) {
    super(problem, `bad usage: ${problem.key}`);
  }
}
