import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  type EffectiveRule,
  effectiveRule,
  type MaintenanceState,
  requestRefusal,
} from '../../core/remediation/approval-rules.js';
import type {
  Remediation,
  RemediationArgs,
  RemediationId,
  RiskTier,
} from '../../core/remediation/remediation.js';
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
import { pendingTwinReason, type RequestFacts, requestFacts } from './request-facts.js';
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

/** What a request is about once its words parse: the remediation, its target, and the rule it is held to. */
interface RequestSubject {
  id: RemediationId;
  remediation: Remediation;
  args: RemediationArgs;
  tier: RiskTier;
  targetKey: string;
  targetLabel: string;
  rule: EffectiveRule;
}

/** What the request rules read from the store: the target's past runs and the maintenance window. */
interface RequestSituation {
  history: Awaited<ReturnType<typeof requestHistory>>;
  maintenance: MaintenanceState;
}

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
  const remediation = context.remediations[id];
  if (!remediation) return refuse(context, actor, msg('remediation.refused.notConfigured', { id }));
  const parsed = remediation.parse([...words], context.inventory);
  if (!parsed.ok) return { kind: 'usage', problem: parsed.reason };
  const pool = context.pool;
  if (!pool) return refuse(context, actor, msg('remediation.refused.storeUnavailable'));
  const subject = subjectOf(context, id, remediation, parsed.args);
  const now = context.now?.() ?? new Date();
  const situation = await readSituation(context, actor, pool, subject);
  if (!situation) return refuse(context, actor, msg('remediation.refused.storeUnavailable'));
  const refusal = requestRefusal({
    rule: subject.rule,
    maintenance: situation.maintenance,
    maintenanceOverride: context.inventory.remediations.maintenanceOverrideRoles.length > 0,
    lastFinishedOnTarget: situation.history.lastFinishedOnTarget,
    startedInLastHour: situation.history.startedInLastHour,
    now,
  });
  if (refusal) {
    await auditRefused(context, pool, actor, subject, refusal.reason);
    const target = subject.targetLabel;
    return refuse(context, actor, refusalText(context, refusal, { remediation: id, target }));
  }
  const captured = await requestFacts(remediation, remediationContextOf(context), subject.args);
  if (!captured.ok) return { kind: 'usage', problem: captured.problem };
  const maintenanceForced = situation.maintenance.active && !subject.rule.allowedDuringMaintenance;
  const request = newRequest(context, actor, subject, captured.facts, { now, maintenanceForced });
  return storeAndPost(context, actor, pool, subject, request);
}

/** Tells the actor why not, and says so to the router. */
async function refuse(context: GuardContext, actor: Invocation, reason: Message): Promise<RequestResult> {
  await tellActor(context, actor, reason);
  return { kind: 'refused', reason };
}

/** The remediation, its arguments, their tier and target, and the rule for that tier. */
function subjectOf(
  context: GuardContext,
  id: RemediationId,
  remediation: Remediation,
  args: RemediationArgs,
): RequestSubject {
  const { inventory } = context;
  const tier = remediation.tier(args, inventory);
  return {
    id,
    remediation,
    args,
    tier,
    targetKey: remediation.targetKey(args, inventory),
    targetLabel: remediation.targetLabel(args, inventory),
    rule: effectiveRule(inventory.remediations, id, tier),
  };
}

/**
 * Frees targets held by interrupted or overdue requests (closing their messages), then reads the
 * target's history and the maintenance window; null when the store cannot be reached.
 */
async function readSituation(
  context: GuardContext,
  actor: Invocation,
  pool: pg.Pool,
  subject: RequestSubject,
): Promise<RequestSituation | null> {
  try {
    await failInterruptedRequests(pool, INTERRUPTED_AFTER_MINUTES);
    await closeExpiredMessages(
      context,
      actor.replies.updateMessage.bind(actor.replies),
      await expireOverdueRequests(pool),
    );
    const history = await requestHistory(pool, subject.id, subject.targetKey);
    const maintenance = (await context.maintenance?.()) ?? { active: false };
    return { history, maintenance };
  } catch (error) {
    context.logger.error({ err: errorReason(error) }, 'audit store unreachable: remediation refused');
    return null;
  }
}

/** A refused request changes nothing, but who asked for what, and why not, is kept. */
async function auditRefused(
  context: GuardContext,
  pool: pg.Pool,
  actor: Invocation,
  subject: RequestSubject,
  reason: string,
): Promise<void> {
  const { id: remediation, targetLabel: target, tier } = subject;
  await appendAuditNow(pool, {
    actor: actor.userId,
    action: 'remediation.request-refused',
    detail: { remediation, target, tier, reason, channel: actor.channelId },
  }).catch((error: unknown) =>
    context.logger.warn({ err: errorReason(error) }, 'could not audit a refused request'),
  );
}

/** What the remediation's preview and evidence run with. */
function remediationContextOf(context: GuardContext) {
  return {
    inventory: context.inventory,
    clients: context.clients,
    logger: context.logger,
    signal: context.signal ?? new AbortController().signal,
  };
}

/** The request as it is stored before anyone approves it: waiting until the approval TTL runs out. */
function newRequest(
  context: GuardContext,
  actor: Invocation,
  subject: RequestSubject,
  facts: RequestFacts,
  at: { now: Date; maintenanceForced: boolean },
): StoredRequest {
  const ttlMs = context.inventory.remediations.approvalTtlMinutes * 60_000;
  return {
    id: randomUUID(),
    remediation: subject.id,
    args: subject.args,
    targetKey: subject.targetKey,
    targetLabel: subject.targetLabel,
    tier: subject.tier,
    preview: facts.preview,
    evidence: facts.evidence,
    requester: actor.userId,
    channel: actor.channelId,
    messageTs: null,
    state: 'requested',
    createdAt: at.now,
    expiresAt: new Date(at.now.getTime() + ttlMs),
    startedAt: null,
    finishedAt: null,
    outcome: null,
    maintenanceForced: at.maintenanceForced,
  };
}

/**
 * Stores the request with its audit row and posts it with Approve / Reject; the same request
 * still waiting is pointed to, and a target busy with another run is refused (and audited).
 */
async function storeAndPost(
  context: GuardContext,
  actor: Invocation,
  pool: pg.Pool,
  subject: RequestSubject,
  request: StoredRequest,
): Promise<RequestResult> {
  let stored: Awaited<ReturnType<typeof insertRequest>>;
  try {
    stored = await insertRequest(pool, request);
  } catch (error) {
    context.logger.error({ err: errorReason(error) }, 'audit store unreachable: remediation refused');
    return refuse(context, actor, msg('remediation.refused.storeUnavailable'));
  }
  if ('pendingTwin' in stored) return refuse(context, actor, pendingTwinReason(context, stored.pendingTwin));
  if (!stored.ok) {
    await auditRefused(context, pool, actor, subject, 'busy');
    return refuse(context, actor, msg('remediation.refused.busy', { target: subject.targetLabel }));
  }
  const ref = await actor.replies.postMessage(
    requestMessage(request, viewOf(context, request, [], { kind: 'requested' })),
  );
  await setMessageTs(pool, request.id, ref.ts);
  return { kind: 'posted', request: { ...request, messageTs: ref.ts } };
}
