import type { Message } from '../i18n/message.js';

/** The command line is wrong; `problem` names the one thing to fix. Exit 64. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(readonly problem: Message) {
    super(`bad usage: ${problem.key}`);
    this.name = 'UsageError';
  }
}
