import type pg from 'pg';
import type { Inventory } from '../../config/schema.js';
import { type Invocation, localeFor } from '../../render/reply-port.js';

export type { Invocation } from '../../render/reply-port.js';

import type { MaintenanceState } from '../../core/remediation/approval-rules.js';
import { type EffectiveRule, effectiveRule } from '../../core/remediation/approval-rules.js';
import type { Remediation, RemediationId } from '../../core/remediation/remediation.js';
import type { StoredRequest } from '../../core/remediation/request-state.js';
import type { Message } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { Logger } from '../../logging/logger.js';
import type { PlatformClients } from '../../platform/platform-clients.js';
import type { RequestStage, RequestView } from './request-message.js';

/** What the guard works with: the handler services it needs, the remediations, and its clocks. */
export interface GuardContext {
  inventory: Inventory;
  clients: PlatformClients;
  logger: Logger;
  /** The bot's own database; absent (or unreachable) means every remediation is refused. */
  pool: pg.Pool | undefined;
  signal?: AbortSignal;
  /** The registered remediations (src/playbooks/remediations/index.ts). */
  remediations: Partial<Record<RemediationId, Remediation>>;
  /** Whether a maintenance window is open. Default: none is (issue 6 brings windows). */
  maintenance?: () => Promise<MaintenanceState>;
  /** Default `new Date()`; tests move it. */
  now?: () => Date;
}

/** Answers only the actor, in their language (else the inventory's). */
export async function tellActor(context: GuardContext, actor: Invocation, message: Message): Promise<void> {
  const locale = await localeFor(actor, context.inventory.locale);
  await actor.replies.respondEphemeral({
    title: 'samaops',
    summary: translate(locale, message),
    sections: [],
  });
}

/** The display name of a Slack user: their team name, or the id itself. */
export function nameOf(context: GuardContext, userId: string): string {
  if (userId === 'samaops') return 'samaops';
  return context.inventory.team.find((person) => person.slackId === userId)?.name ?? userId;
}

/** Everything `requestMessage` needs for this request at this stage. */
export function viewOf(
  context: GuardContext,
  request: StoredRequest,
  approvedBy: readonly string[],
  stage: RequestStage,
): RequestView {
  return {
    locale: context.inventory.locale,
    timeZone: context.inventory.timezone,
    rule: ruleOf(context, request),
    approvedBy,
    nameOf: (userId) => nameOf(context, userId),
    stage,
  };
}

/** The stored request's id format; anything else is refused before touching the database. */
export const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The rule a stored request is held to. */
export function ruleOf(context: GuardContext, request: StoredRequest): EffectiveRule {
  return effectiveRule(
    context.inventory.remediations,
    request.remediation,
    request.tier,
    request.maintenanceForced,
  );
}
