import { randomUUID } from 'node:crypto';
import {
  effectiveRule,
  type MaintenanceState,
  requestRefusal,
} from '../../core/remediation/approval-rules.js';
import type { RemediationId } from '../../core/remediation/remediation.js';
import type { StoredRequest } from '../../core/remediation/request-state.js';
import type { Message } from '../../i18n/message.js';
import { msg } from '../../i18n/message.js';
import { errorReason } from '../../logging/error-reason.js';
import { appendAuditNow } from '../../store/audit/audit-log.js';
import {
  expireOverdueRequests,
  failInterruptedRequests,
} from '../../store/remediation-requests/overdue-requests.js';
import {
  insertRequest,
  requestHistory,
  setMessageTs,
} from '../../store/remediation-requests/stored-requests.js';
import { closeExpiredMessages } from './close-expired.js';
import { type GuardContext, type Invocation, tellActor, viewOf } from './guard-context.js';
import { refusalText } from './refusal-text.js';
import { pendingTwinReason, requestFacts } from './request-facts.js';
import { requestMessage } from './request-message.js';

/**
 * A request still approved or running after this long was cut short (the bot stopped mid-run): it
 * is marked failed so that its target is free again. Default 120: longer than any remediation's
 * own bound (VACUUM's is 30 min).
 */
export const INTERRUPTED_AFTER_MINUTES = 120;

/** How a request ended: stored and posted, refused (told to the actor), or bad arguments (the router shows the help). */
export type RequestResult =
  | { kind: 'posted'; request: StoredRequest }
  | { kind: 'refused'; reason: Message }
  | { kind: 'usage'; problem: Message };

/**
 * `/sama <remediation> <args>`: parses the words against the inventory's allow-lists, checks the
 * maintenance window, cooldown and cap, builds the preview, captures the evidence, stores the
 * request with its audit row, and posts the message with Approve / Reject (values: the id only).
 * Nothing is stored when the arguments are bad or name a target that does not exist; a request the
 * rules refuse leaves an audit line only; the same request while one still waits points to it;
 * nothing at all happens without the audit store.
 */
export async function requestRemediation(
  context: GuardContext,
  actor: Invocation,
  id: RemediationId,
  words: readonly string[],
): Promise<RequestResult> {
  const refuse = async (reason: Message): Promise<RequestResult> => {
    await tellActor(context, actor, reason);
    return { kind: 'refused', reason };
  };
  const remediation = context.remediations[id];
  if (!remediation) return refuse(msg('remediation.refused.notConfigured', { id }));
  const parsed = remediation.parse([...words], context.inventory);
  if (!parsed.ok) return { kind: 'usage', problem: parsed.reason };
  const pool = context.pool;
  if (!pool) return refuse(msg('remediation.refused.storeUnavailable'));
  const { inventory } = context;
  const args = parsed.args;
  const tier = remediation.tier(args, inventory);
  const targetKey = remediation.targetKey(args, inventory);
  const targetLabel = remediation.targetLabel(args, inventory);
  const rule = effectiveRule(inventory.remediations, id, tier);
  const now = context.now?.() ?? new Date();
  let history: Awaited<ReturnType<typeof requestHistory>>;
  let maintenance: MaintenanceState;
  try {
    await failInterruptedRequests(pool, INTERRUPTED_AFTER_MINUTES);
    await closeExpiredMessages(
      context,
      actor.replies.updateMessage.bind(actor.replies),
      await expireOverdueRequests(pool),
    );
    history = await requestHistory(pool, id, targetKey);
    maintenance = (await context.maintenance?.()) ?? { active: false };
  } catch (error) {
    context.logger.error({ err: errorReason(error) }, 'audit store unreachable: remediation refused');
    return refuse(msg('remediation.refused.storeUnavailable'));
  }
  const refusal = requestRefusal({
    rule,
    maintenance,
    maintenanceOverride: inventory.remediations.maintenanceOverrideRoles.length > 0,
    lastFinishedOnTarget: history.lastFinishedOnTarget,
    startedInLastHour: history.startedInLastHour,
    now,
  });
  // A refused request changes nothing, but who asked for what, and why not, is kept.
  const auditRefused = (reason: string) =>
    appendAuditNow(pool, {
      actor: actor.userId,
      action: 'remediation.request-refused',
      detail: { remediation: id, target: targetLabel, tier, reason, channel: actor.channelId },
    }).catch((error: unknown) =>
      context.logger.warn({ err: errorReason(error) }, 'could not audit a refused request'),
    );
  if (refusal) {
    await auditRefused(refusal.reason);
    return refuse(refusalText(context, refusal, { remediation: id, target: targetLabel }));
  }

  const remediationContext = {
    inventory,
    clients: context.clients,
    logger: context.logger,
    signal: context.signal ?? new AbortController().signal,
  };
  const captured = await requestFacts(remediation, remediationContext, args);
  if (!captured.ok) return { kind: 'usage', problem: captured.problem };
  const { preview, evidence } = captured.facts;
  const request: StoredRequest = {
    id: randomUUID(),
    remediation: id,
    args,
    targetKey,
    targetLabel,
    tier,
    preview,
    evidence,
    requester: actor.userId,
    channel: actor.channelId,
    messageTs: null,
    state: 'requested',
    createdAt: now,
    expiresAt: new Date(now.getTime() + inventory.remediations.approvalTtlMinutes * 60_000),
    startedAt: null,
    finishedAt: null,
    outcome: null,
    maintenanceForced: maintenance.active && !rule.allowedDuringMaintenance,
  };
  let stored: Awaited<ReturnType<typeof insertRequest>>;
  try {
    stored = await insertRequest(pool, request);
  } catch (error) {
    context.logger.error({ err: errorReason(error) }, 'audit store unreachable: remediation refused');
    return refuse(msg('remediation.refused.storeUnavailable'));
  }
  if ('pendingTwin' in stored) return refuse(pendingTwinReason(context, stored.pendingTwin));
  if (!stored.ok) {
    await auditRefused('busy');
    return refuse(msg('remediation.refused.busy', { target: targetLabel }));
  }
  const ref = await actor.replies.postMessage(
    requestMessage(request, viewOf(context, request, [], { kind: 'requested' })),
  );
  await setMessageTs(pool, request.id, ref.ts);
  return { kind: 'posted', request: { ...request, messageTs: ref.ts } };
}
