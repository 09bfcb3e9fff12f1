import { checkIds } from '../config/check-ids.js';
import type { Inventory } from '../config/schema.js';
import type { Message } from '../i18n/message.js';
import type { PlatformClients } from '../platform/platform-clients.js';

/** Outcome of one check, in the Nagios order of gravity. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'unknown';

/** Unit of a measured value, used to print it. */
export type Unit = 'ms' | '%' | 'count' | 'bytes' | 's';

/** What a value was held against. `above`: bigger is worse; `below`: smaller is worse. */
export interface Threshold {
  direction: 'above' | 'below';
  warn: number;
  /** Absent when the check only warns. */
  fail?: number;
  unit: Unit;
}

/** What a check's `run` returns. */
export interface CheckOutcome {
  status: CheckStatus;
  /** The measured value, or null when nothing could be measured. */
  value: number | null;
  unit?: Unit;
  threshold: Threshold | null;
  /** Short explanation in the reader's language. */
  detail: Message;
  /** Structured facts for renderers and remediations (e.g. the worst query's pid). */
  data?: Record<string, unknown>;
}

/** A check's outcome with its identity and timing, as reports show it. */
export interface CheckResult extends CheckOutcome {
  id: CheckId;
  target: string;
  title: Message;
  durationMs: number;
}

/** Everything a check may use: the inventory and the shared, long-lived clients. */
export interface CheckContext {
  inventory: Inventory;
  clients: PlatformClients;
}

/** One probe against one target, bounded by the engine's timeout through `signal`. */
export interface Check {
  id: CheckId;
  target: string;
  title: Message;
  /** What a timeout means for this check. Default `unknown`; `fail` where silence is the fault (a hung API). */
  onTimeout?: 'unknown' | 'fail';
  run(context: CheckContext, signal: AbortSignal): Promise<CheckOutcome>;
}

/** A kind of check: how to find its targets in the inventory and how to probe one. */
export interface CheckDefinition<Target = unknown> {
  id: CheckId;
  title: Message;
  onTimeout?: 'unknown' | 'fail';
  /** Targets of this check in the inventory; none when the service is not configured. */
  targets(inventory: Inventory): { name: string; target: Target }[];
  run(context: CheckContext, target: Target, signal: AbortSignal): Promise<CheckOutcome>;
}

/** A check definition with its target type erased, ready to list in a registry. */
export interface CheckKind {
  id: CheckId;
  /** One runnable check per target of this kind in the inventory. */
  instances(inventory: Inventory): Check[];
}

/** Turns a typed definition into a CheckKind; each instance closes over its own target. */
export function defineCheck<Target>(definition: CheckDefinition<Target>): CheckKind {
  return {
    id: definition.id,
    instances: (inventory) =>
      definition.targets(inventory).map(({ name, target }) => ({
        id: definition.id,
        target: name,
        title: definition.title,
        onTimeout: definition.onTimeout,
        run: (context, signal) => definition.run(context, target, signal),
      })),
  };
}

export { checkIds };

export type CheckId = (typeof checkIds)[number];

/** Order of gravity used to sort reports and compute an overall status. */
export const statusRank: Record<CheckStatus, number> = { ok: 0, warn: 1, unknown: 2, fail: 3 };

/** The worst of several statuses; `ok` for none. */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'ok';
  for (const status of statuses) if (statusRank[status] > statusRank[worst]) worst = status;
  return worst;
}
