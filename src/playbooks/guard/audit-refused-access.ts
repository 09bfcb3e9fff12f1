import { errorReason } from '../../logging/error-reason.js';
import { appendAuditNow } from '../../store/audit/audit-log.js';
import { getRequest } from '../../store/remediation-requests/stored-requests.js';
import { type GuardContext, type Invocation, REQUEST_ID } from './guard-context.js';

/**
 * Someone the access policy refused (outside the team, or in a channel that is not the bot's)
 * pressed Approve or Reject on a stored request: PRODUCT.md §7 wants an audit line. Values that
 * name no stored request are not recorded, so that forged presses cannot flood the log.
 */
export async function auditRefusedAccess(
  context: GuardContext,
  actor: Omit<Invocation, 'replies'>,
  value: string,
  action: 'approve' | 'reject',
): Promise<void> {
  const pool = context.pool;
  if (!pool || !REQUEST_ID.test(value)) return;
  try {
    const request = await getRequest(pool, value);
    if (!request) return;
    await appendAuditNow(pool, {
      actor: actor.userId,
      action: `remediation.${action}-refused`,
      requestId: request.id,
      detail: {
        remediation: request.remediation,
        target: request.targetLabel,
        tier: request.tier,
        reason: 'access',
        channel: actor.channelId,
      },
    });
  } catch (error) {
    context.logger.warn({ err: errorReason(error) }, 'could not audit a refused press');
  }
}
