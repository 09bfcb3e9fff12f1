import { setImmediate as afterPendingIo } from 'node:timers/promises';
import type { App } from '@slack/bolt';
import type { HandlerServices } from '../handlers/handler-context.js';
import { routeAction, routeCommand } from '../handlers/route-command.js';
import { errorReason } from '../logging/error-reason.js';
import { unescapeCommandText } from './command-text.js';
import { slackReplies } from './slack-replies.js';

/** Work still running after its ack, so that shutdown can wait for it (bounded). */
export interface InFlight {
  /** Resolves when everything started so far has finished, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

/**
 * A delivery Slack sends again because the first one took longer than 3 s to answer
 * (`X-Slack-Retry-Num`, reason `http_timeout`): the first one arrived, and its work runs already.
 * A retry for another reason (the first never connected) is handled as new.
 */
function isRedelivery(context: { retryNum?: number; retryReason?: string }): boolean {
  return (context.retryNum ?? 0) > 0 && context.retryReason === 'http_timeout';
}

/**
 * Registers `/sama` and the `sama.*` buttons. Each listener acks first (Slack's 3-second budget,
 * and no HTTP retry), then lets the requests that have already arrived be acked too, then runs the
 * mode-independent handler; command text is unescaped here, once. Without that turn of the event
 * loop, twenty `/sama diagnose` at once had their acks queued behind each other's first steps
 * (SSH channels opened, messages built): ack p99 147–159 ms, 53–73 ms with it (bench deployed-bot).
 */
export function registerListeners(app: App, services: HandlerServices): InFlight {
  const running = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    running.add(work);
    void work.finally(() => running.delete(work));
    return work;
  };
  const locale = services.inventory.locale;
  // Answers to one person follow their Slack language, asked only when such an answer is sent.
  const personalLocaleOf = (userId: string) => {
    const { userLocales } = services;
    return userLocales ? () => userLocales.localeOf(userId) : undefined;
  };

  app.command('/sama', async ({ command, ack, respond, client, context }) => {
    await ack();
    await afterPendingIo();
    if (isRedelivery(context))
      return services.logger.info({ retry: context.retryNum }, 'Slack redelivery ignored');
    const personalLocale = personalLocaleOf(command.user_id);
    const replies = slackReplies({
      client,
      respond,
      channelId: command.channel_id,
      locale,
      personalLocale,
      metrics: services.metrics,
    });
    const invocation = { userId: command.user_id, channelId: command.channel_id, replies, personalLocale };
    await track(routeCommand(unescapeCommandText(command.text), invocation, services));
  });

  app.action(
    { type: 'block_actions', action_id: /^sama\./ },
    async ({ action, body, ack, respond, client, context }) => {
      await ack();
      await afterPendingIo();
      if (isRedelivery(context))
        return services.logger.info({ retry: context.retryNum }, 'Slack redelivery ignored');
      const channelId = body.channel?.id ?? body.container?.channel_id ?? '';
      const value = action.type === 'button' ? (action.value ?? '') : '';
      const personalLocale = personalLocaleOf(body.user.id);
      const replies = slackReplies({
        client,
        respond,
        channelId,
        locale,
        personalLocale,
        metrics: services.metrics,
      });
      const invocation = { userId: body.user.id, channelId, replies, personalLocale };
      await track(routeAction(action.action_id, value, invocation, services));
    },
  );

  // Errors that escape a listener (Bolt's own, or a failed ack): logged, never a crash.
  app.error(async (error) => {
    services.logger.error({ err: errorReason(error), code: (error as { code?: string }).code }, 'bolt error');
  });

  return {
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs).unref();
      });
      await Promise.race([Promise.allSettled([...running]), timeout]);
      clearTimeout(timer);
    },
  };
}
