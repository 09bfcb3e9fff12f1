import type { Locale } from '../i18n/define-messages.js';
import type { Message } from '../i18n/message.js';
import type { HandlerServices, Invocation } from './handler-context.js';

/** Everything a sub-command receives: who asked, its arguments, the services, and its siblings. */
export interface CommandCall {
  invocation: Invocation;
  /** Words after the sub-command's name. */
  args: readonly string[];
  services: HandlerServices;
  /** All registered sub-commands (what `help` lists). */
  commands: readonly SubCommand[];
}

/**
 * One `/sama` sub-command. Adding one is adding a file that exports this, and a line in
 * `sub-commands/index.ts`.
 */
export interface SubCommand {
  /** The word after `/sama`, e.g. `diagnose`. */
  name: string;
  /** Usage after `/sama`, e.g. `diagnose [all|api|…]`, in the reader's words (catalogued). */
  usage: Message;
  /** One line for the help, in the reader's language. */
  summary(locale: Locale): string;
  /** Runs after the ack; throws CommandUsageError for a bad argument. */
  run(call: CommandCall): Promise<void>;
}

/** A button press handler, keyed by the button's base action id (`sama.x` also takes `sama.x:2`). Its `value` is an id, validated here. */
export interface ActionHandler {
  actionId: string;
  run(call: { invocation: Invocation; value: string; services: HandlerServices }): Promise<void>;
  /** Called after the access policy refused the press (e.g. to audit an unauthorised approver). */
  onRefused?(call: { invocation: Invocation; value: string; services: HandlerServices }): Promise<void>;
}
