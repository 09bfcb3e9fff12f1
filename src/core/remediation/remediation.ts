import type { CheckId } from '../../checks/check.js';
import type { Inventory } from '../../config/schema.js';
import type { Message } from '../../i18n/message.js';
import type { Logger } from '../../logging/logger.js';
import type { PlatformClients } from '../../platform/platform-clients.js';

/**
 * The contract between the guard (stored requests, approvals, audit: src/playbooks/guard/) and the
 * remediation modules (src/playbooks/remediations/). A remediation never decides who may run it:
 * it validates its arguments, previews exactly what will run where, captures evidence, runs, and
 * names the checks that verify it.
 */

/** The runbook's fixes. */
export const remediationIds = [
  'restart',
  'purge',
  'kill-queries',
  'vacuum',
  'scale',
  'cleanup',
  'flush-redis',
] as const;
export type RemediationId = (typeof remediationIds)[number];

/** 1: routine (one container, VACUUM); 2: disruptive (rolling restart, purge, terminate, scale, cleanup); 3: most dangerous (FLUSHDB, purging urgent/high_priority). */
export type RiskTier = 1 | 2 | 3;

/** Everything a remediation may use; `signal` aborts at shutdown or when its budget runs out. */
export interface RemediationContext {
  inventory: Inventory;
  clients: PlatformClients;
  logger: Logger;
  signal: AbortSignal;
}

/** Arguments after validation: plain JSON, stored with the request and re-read at execution. */
export type RemediationArgs = Record<string, string | number | boolean | string[]>;

/** The result of parsing user text: arguments, or a refusal that lists the valid values. */
export type ParsedArgs = { ok: true; args: RemediationArgs } | { ok: false; reason: Message };

/** Exactly what will run where, shown before anyone approves; `data` is stored and re-checked by `run`. */
export interface RemediationPreview {
  lines: Message[];
  data: Record<string, unknown>;
}

/** How a run ended. `output` is capped (64 KiB) and scrubbed of secrets. */
export interface RemediationOutcome {
  ok: boolean;
  summary: Message;
  output: string;
  data?: Record<string, unknown>;
}

/** A check to run again after the remediation, and the target it must be green on. */
export interface VerifyingCheck {
  id: CheckId;
  /** Check target name as reports show it (e.g. `samaconso_api_1`); absent = every target. */
  target?: string;
}

export interface Remediation {
  id: RemediationId;
  /** One-line usage after `/sama`, e.g. `restart <container>|api`, in the reader's words (catalogued). */
  usage: Message;
  /** Validates user text (the words after the sub-command) against the inventory's allow-lists. */
  parse(words: string[], inventory: Inventory): ParsedArgs;
  tier(args: RemediationArgs, inventory: Inventory): RiskTier;
  /** The key that allows one running remediation at a time, e.g. `container:api/samaconso_api_1`. */
  targetKey(args: RemediationArgs, inventory: Inventory): string;
  /** Short label of the target for messages and the audit log. */
  targetLabel(args: RemediationArgs, inventory: Inventory): string;
  preview(context: RemediationContext, args: RemediationArgs): Promise<RemediationPreview>;
  /** What the runbook asks to keep before acting (container status and logs, pg_stat_activity rows, queue depth). */
  evidence(context: RemediationContext, args: RemediationArgs): Promise<Record<string, unknown>>;
  /** Runs it, re-validating against the stored preview (e.g. a pid must still run the previewed query). */
  run(
    context: RemediationContext,
    args: RemediationArgs,
    preview: RemediationPreview,
  ): Promise<RemediationOutcome>;
  verifiedBy(args: RemediationArgs, inventory: Inventory): VerifyingCheck[];
}
