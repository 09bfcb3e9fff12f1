import { approvalRefusal, approvalsComplete } from '../../core/remediation/approval-rules.js';
import type { StoredRequest } from '../../core/remediation/request-state.js';
import { msg } from '../../i18n/message.js';
import { errorReason } from '../../logging/error-reason.js';
import { type ApprovalResult, approveRequest } from '../../store/remediation-requests/request-transitions.js';
import { getRequest } from '../../store/remediation-requests/stored-requests.js';
import { executeApproved } from './execute-approved.js';
import { type GuardContext, type Invocation, ruleOf, tellActor, viewOf } from './guard-context.js';
import { refusalText } from './refusal-text.js';
import { requestMessage } from './request-message.js';
import { storeForButton } from './store-for-button.js';

/** What a click on Approve led to, for tests and metrics. */
export type ApproveOutcome =
  | { kind: 'unknown-request' }
  | { kind: 'other-channel' }
  | { kind: 'store-unavailable' }
  | ApprovalResult
  | { kind: 'ran'; request: StoredRequest | undefined };

/**
 * A click on Approve: the value must be a stored request's id, clicked in the request's channel.
 * The approval is checked (role, self-approval, distinct people, expiry) and recorded under the
 * request's lock; the click that completes the approvals runs it, exactly once. Every refusal is
 * told only to the clicker; the unauthorised ones leave an audit line.
 */
export async function approveRemediation(
  context: GuardContext,
  actor: Invocation,
  value: string,
): Promise<ApproveOutcome> {
  const opened = await storeForButton(context, actor, value);
  if (!('pool' in opened)) return opened;
  const { pool } = opened;
  let result: ApprovalResult;
  try {
    const stored = await getRequest(pool, value);
    if (!stored) {
      await tellActor(context, actor, msg('remediation.refused.unknownRequest'));
      return { kind: 'unknown-request' };
    }
    if (stored.channel !== actor.channelId) {
      await tellActor(context, actor, msg('remediation.refused.otherChannel'));
      return { kind: 'other-channel' };
    }
    const now = context.now?.() ?? new Date();
    const approver = context.inventory.team.find((person) => person.slackId === actor.userId);
    result = await approveRequest(pool, value, actor.userId, {
      refusal: (request, approvedBy) =>
        approvalRefusal({
          approverId: actor.userId,
          approver,
          requesterId: request.requester,
          rule: ruleOf(context, request),
          approvedBy,
          now,
          expiresAt: request.expiresAt,
        }),
      complete: (request, approvedBy) => approvalsComplete(ruleOf(context, request), approvedBy),
    });
  } catch (error) {
    context.logger.error({ err: errorReason(error) }, 'audit store unreachable: approval refused');
    await tellActor(context, actor, msg('remediation.refused.storeUnavailable'));
    return { kind: 'store-unavailable' };
  }
  return answer(context, actor, result);
}

async function answer(
  context: GuardContext,
  actor: Invocation,
  result: ApprovalResult,
): Promise<ApproveOutcome> {
  switch (result.kind) {
    case 'missing':
      await tellActor(context, actor, msg('remediation.refused.unknownRequest'));
      return result;
    case 'not-pending':
      await tellActor(context, actor, msg('remediation.refused.notPending', { state: result.request.state }));
      return result;
    case 'busy':
      await tellActor(
        context,
        actor,
        msg('remediation.refused.busy', { target: result.request.targetLabel }),
      );
      return result;
    case 'refused': {
      const { request } = result;
      const rule = ruleOf(context, request);
      await tellActor(
        context,
        actor,
        refusalText(context, result.refusal, {
          remediation: request.remediation,
          target: request.targetLabel,
          tier: request.tier,
          needed: rule.approvals,
        }),
      );
      if (result.refusal.reason === 'expired')
        await update(context, actor, request, [], {
          kind: 'expired',
          minutes: context.inventory.remediations.approvalTtlMinutes,
        });
      return result;
    }
    case 'recorded': {
      const rule = ruleOf(context, result.request);
      await update(context, actor, result.request, result.approvedBy, { kind: 'requested' });
      await tellActor(
        context,
        actor,
        msg('remediation.approval.recorded', { count: result.approvedBy.length, needed: rule.approvals }),
      );
      return result;
    }
    case 'approved':
      return {
        kind: 'ran',
        request: await executeApproved(context, actor, result.request, result.approvedBy),
      };
  }
}

async function update(
  context: GuardContext,
  actor: Invocation,
  request: StoredRequest,
  approvedBy: readonly string[],
  stage: Parameters<typeof viewOf>[3],
): Promise<void> {
  if (!request.messageTs) return;
  await actor.replies
    .updateMessage(
      { channel: request.channel, ts: request.messageTs },
      requestMessage(request, viewOf(context, request, approvedBy, stage)),
    )
    .catch((error: unknown) =>
      context.logger.warn({ err: errorReason(error) }, 'could not update a request message'),
    );
}
