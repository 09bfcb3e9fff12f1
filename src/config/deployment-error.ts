import { CodedError } from '../i18n/coded-error.js';
import type { Message } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';

/**
 * The bot cannot start as deployed (environment variables, the bot database's schema): one line
 * that names what to set or do, catalogued (`userMessage`, in the reader's language; `message`
 * is its English detail for logs). Nothing is started; the process exits 78 (sysexits EX_CONFIG),
 * so systemd's `Restart=on-failure` and an operator both see it.
 */
export class DeploymentError extends CodedError {
  constructor(
    readonly code: string,
    userMessage: Message,
    detail: string,
  ) {
    super(userMessage, detail);
    this.name = 'DeploymentError';
  }
}

/** A `DeploymentError` whose English detail is its catalogued message in English. */
export function deploymentError(code: string, message: Message): DeploymentError {
  return new DeploymentError(code, message, translate('en', message));
}
