import { errorReason } from '../../logging/error-reason.js';
import type { ChatMessage } from '../../render/message-model.js';
import type { MessageRef } from '../../render/reply-port.js';
import { expireOverdueRequests } from '../../store/remediation-requests/overdue-requests.js';
import { closeExpiredMessages } from './close-expired.js';
import type { GuardContext } from './guard-context.js';

/** A running sweeper and how to stop it (after the sweep in progress, if any). */
export interface ExpirySweeper {
  /** One sweep now (the timer's work); resolves with how many requests it expired. */
  sweep(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Expires the requests nobody approved in time, on a timer rather than at the next click: their
 * Approve/Reject buttons go away while the team can still see it happen. Safe with several
 * replicas: each expiry is one conditional UPDATE, so a request is expired (audited, updated) once.
 */
export function startExpirySweeper(options: {
  context: GuardContext;
  /** Updates a request's message (Slack: chat.update). */
  update: (ref: MessageRef, message: ChatMessage) => Promise<void>;
  /** Default 30 s: a request's window is minutes long. */
  everyMs?: number;
}): ExpirySweeper {
  const { context } = options;
  const pool = context.pool;
  let running: Promise<number> | undefined;
  const sweep = (): Promise<number> => {
    if (!pool) return Promise.resolve(0);
    running ??= (async () => {
      try {
        const expired = await expireOverdueRequests(pool);
        await closeExpiredMessages(context, options.update, expired);
        return expired.length;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = setInterval(() => {
    sweep().catch((error: unknown) =>
      context.logger.warn({ err: errorReason(error) }, 'approval expiry sweep failed'),
    );
  }, options.everyMs ?? 30_000);
  timer.unref();
  return {
    sweep,
    async close() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
