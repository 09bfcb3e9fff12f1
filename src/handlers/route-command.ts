import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { errorReason } from '../logging/error-reason.js';
import type { CommandOutcome } from '../observability/metrics.js';
import { isActionOf } from '../render/action-id.js';
import { errorText } from '../render/error-text.js';
import { slackLimits } from '../render/message-model.js';
import { localeFor } from '../render/reply-port.js';
import { actionHandlers } from './actions/index.js';
import { CommandUsageError } from './command-usage-error.js';
import type { HandlerServices, Invocation } from './handler-context.js';
import { commandNames } from './help-message.js';
import { refusalMessage } from './refusal-message.js';
import type { ActionHandler, SubCommand } from './sub-command.js';
import { subCommands } from './sub-commands/index.js';
import { unsafeInputProblem } from './unsafe-input.js';
import { usageMessage } from './usage-message.js';

/**
 * Routes `/sama <text>` (plain text: unescaped by the Slack edge): refuses whoever may not act
 * (nothing runs), answers text with control characters, an unknown sub-command or a bad argument
 * with the problem and the one usage line it concerns, runs the sub-command otherwise. Called after the ack; never rejects, so a
 * listener can fire and forget it.
 */
export async function routeCommand(
  text: string,
  invocation: Invocation,
  services: HandlerServices,
  commands: readonly SubCommand[] = subCommands,
): Promise<CommandOutcome> {
  const [first, ...args] = text.trim().split(/\s+/).filter(Boolean);
  const name = (first ?? 'help').toLowerCase();
  const command = commands.find((candidate) => candidate.name === name);
  // Label by known name only: free text in a metric label would grow the series without bound.
  const label = command?.name ?? 'unknown';
  const outcome = await guarded(label, invocation, services, commands, async () => {
    const unsafe = unsafeInputProblem(text);
    if (unsafe) throw new CommandUsageError(unsafe);
    if (!command) {
      const problem = msg('slack.help.unknownCommand', {
        name: name.slice(0, 40),
        valid: commandNames(commands),
      });
      throw new CommandUsageError(problem);
    }
    await command.run({ invocation, args, services, commands });
  });
  services.metrics.commandHandled(label, outcome);
  return outcome;
}

/** Routes a button press to its handler by action id (its base, before any `:suffix`), under the same access rule as commands. */
export async function routeAction(
  actionId: string,
  value: string,
  invocation: Invocation,
  services: HandlerServices,
  handlers: readonly ActionHandler[] = actionHandlers,
): Promise<CommandOutcome> {
  const handler = handlers.find((candidate) => isActionOf(candidate.actionId, actionId));
  const label = handler?.actionId ?? 'unknown-action';
  const outcome = await guarded(label, invocation, services, subCommands, async () => {
    const unsafe = unsafeInputProblem(value, slackLimits.buttonValue);
    if (unsafe) throw new CommandUsageError(unsafe);
    if (!handler)
      throw new CommandUsageError(
        msg('slack.help.unknownCommand', { name: actionId.slice(0, 40), valid: '' }),
      );
    await handler.run({ invocation, value, services });
  });
  if (outcome === 'refused' && handler?.onRefused)
    await handler.onRefused({ invocation, value, services }).catch((error: unknown) => {
      services.logger.warn({ action: label, err: errorReason(error) }, 'could not record a refused press');
    });
  services.metrics.commandHandled(label, outcome);
  return outcome;
}

async function guarded(
  label: string,
  invocation: Invocation,
  services: HandlerServices,
  commands: readonly SubCommand[],
  run: () => Promise<void>,
): Promise<CommandOutcome> {
  const { logger, inventory } = services;
  // Refusals, usage errors and failures answer only the person who asked: in their language.
  const personal = () => localeFor(invocation, inventory.locale);
  const who = { user: invocation.userId, channel: invocation.channelId, command: label };
  const refusal = services.access.refusalFor(invocation.userId, invocation.channelId);
  if (refusal) {
    logger.warn({ ...who, refusal: refusal.reason }, 'refused: not allowed to act here');
    const locale = await personal();
    await invocation.replies.respondEphemeral(refusalMessage(refusal, locale)).catch((error: unknown) => {
      logger.warn({ ...who, err: errorReason(error) }, 'could not deliver a refusal');
    });
    return 'refused';
  }
  try {
    logger.info(who, 'command');
    await run();
    return 'ok';
  } catch (error) {
    const locale = await personal();
    const answer =
      error instanceof CommandUsageError
        ? usageMessage(
            locale,
            error.problem,
            commands.find((command) => command.name === label),
            commands.find((command) => command.name === 'help'),
          )
        : {
            title: 'samaops',
            summary: translate(locale, msg('slack.failed', { reason: errorText(error, locale) })),
            sections: [],
          };
    if (!(error instanceof CommandUsageError))
      logger.error({ ...who, err: errorReason(error) }, 'command failed');
    await invocation.replies.respondEphemeral(answer).catch((replyError: unknown) => {
      logger.warn({ ...who, err: errorReason(replyError) }, 'could not deliver an answer');
    });
    return error instanceof CommandUsageError ? 'usage' : 'error';
  }
}
