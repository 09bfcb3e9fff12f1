import { msg } from '../../i18n/message.js';
import { errorReason } from '../../logging/error-reason.js';
import { type RejectResult, rejectRequest } from '../../store/remediation-requests/request-transitions.js';
import { getRequest } from '../../store/remediation-requests/stored-requests.js';
import { type GuardContext, type Invocation, ruleOf, tellActor, viewOf } from './guard-context.js';
import { requestMessage } from './request-message.js';
import { storeForButton } from './store-for-button.js';

/**
 * A click on Reject: the requester (withdrawing) or anyone who could approve it ends a pending
 * request. Same id, channel and store rules as Approve.
 */
export async function rejectRemediation(
  context: GuardContext,
  actor: Invocation,
  value: string,
): Promise<RejectResult | { kind: 'unknown-request' | 'other-channel' | 'store-unavailable' }> {
  const opened = await storeForButton(context, actor, value);
  if (!('pool' in opened)) return opened;
  const { pool } = opened;
  const person = context.inventory.team.find((member) => member.slackId === actor.userId);
  let result: RejectResult;
  try {
    const stored = await getRequest(pool, value);
    if (stored && stored.channel !== actor.channelId) {
      await tellActor(context, actor, msg('remediation.refused.otherChannel'));
      return { kind: 'other-channel' };
    }
    result = await rejectRequest(pool, value, actor.userId, (request) => {
      if (request.requester === actor.userId) return true;
      const rule = ruleOf(context, request);
      return person?.roles.some((role) => rule.approverRoles.includes(role)) ?? false;
    });
  } catch (error) {
    context.logger.error({ err: errorReason(error) }, 'audit store unreachable: rejection refused');
    await tellActor(context, actor, msg('remediation.refused.storeUnavailable'));
    return { kind: 'store-unavailable' };
  }
  switch (result.kind) {
    case 'missing':
      await tellActor(context, actor, msg('remediation.refused.unknownRequest'));
      return result;
    case 'not-pending':
      await tellActor(context, actor, msg('remediation.refused.notPending', { state: result.request.state }));
      return result;
    case 'refused': {
      const { request } = result;
      const rule = ruleOf(context, request);
      await tellActor(
        context,
        actor,
        msg('remediation.refused.reject', { roles: rule.approverRoles.join(', ') }),
      );
      return result;
    }
    case 'rejected': {
      const { request } = result;
      if (request.messageTs)
        await actor.replies
          .updateMessage(
            { channel: request.channel, ts: request.messageTs },
            requestMessage(request, viewOf(context, request, [], { kind: 'rejected', by: actor.userId })),
          )
          .catch((error: unknown) =>
            context.logger.warn({ err: errorReason(error) }, 'could not update a request message'),
          );
      return result;
    }
  }
}
