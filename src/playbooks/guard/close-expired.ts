import type { StoredRequest } from '../../core/remediation/request-state.js';
import { errorReason } from '../../logging/error-reason.js';
import type { ChatMessage } from '../../render/message-model.js';
import type { MessageRef } from '../../render/reply-port.js';
import { type GuardContext, viewOf } from './guard-context.js';
import { requestMessage } from './request-message.js';

/**
 * Requests nobody approved in time: their messages lose their buttons and say so (best effort; a
 * click on a stale button is refused as expired either way).
 */
export async function closeExpiredMessages(
  context: GuardContext,
  update: (ref: MessageRef, message: ChatMessage) => Promise<void>,
  expired: readonly StoredRequest[],
): Promise<void> {
  for (const request of expired) {
    if (!request.messageTs) continue;
    await update(
      { channel: request.channel, ts: request.messageTs },
      requestMessage(
        request,
        viewOf(context, request, [], {
          kind: 'expired',
          minutes: context.inventory.remediations.approvalTtlMinutes,
        }),
      ),
    ).catch((error: unknown) =>
      context.logger.warn({ err: errorReason(error) }, 'could not update a request message'),
    );
  }
}
