import type { PageChannelName } from '../../config/notifications-schema.js';
import type { Level } from './policy-snapshot.js';

/** The deadlines an incident waits for, epoch milliseconds; null when not armed. */
export interface Deadlines {
  ackAt: number | null;
  repeatAt: number | null;
  resolveBy: number | null;
}

/** A timer kind: one per deadline. */
export type TimerKind = 'ack' | 'repeat' | 'resolve';

/** What every incident state carries. `generation` grows at each applied step: older timers are stale. */
interface IncidentBase {
  level: Level;
  generation: number;
  deadlines: Deadlines;
  /** People paged last (Slack ids). */
  paged: readonly string[];
  silencedUntil: number | null;
}

/** An incident's state: open (waiting for an ack), acknowledged, or resolved. */
export type IncidentState =
  | (IncidentBase & { status: 'open' })
  | (IncidentBase & { status: 'acknowledged'; acknowledgedBy: string; acknowledgedAt: number })
  | (IncidentBase & { status: 'resolved'; resolvedBy: string; resolvedAt: number });

/**
 * How a person acted when not by a Slack button: `via: 'link'`, the signed link of an e-mail or
 * SMS page, which holds for one `generation` only (a later step makes it stale).
 */
export interface ActedVia {
  via?: 'link';
  generation?: number;
}

/** What happens to an incident: a timer firing, or a person acting. */
export type IncidentEvent =
  | { kind: 'timer'; timer: TimerKind; generation: number }
  | ({ kind: 'acknowledge'; by: string } & ActedVia)
  /** One level up; with `upTo`, only while below it (raises by a mapping never overshoot). */
  | ({ kind: 'escalate'; by: string; upTo?: Level } & ActedVia)
  | { kind: 'resolve'; by: string }
  | { kind: 'silence'; by: string; untilMs: number }
  | { kind: 'reopen'; by: string };

/** Why people were paged. */
export type PageReason =
  | 'opened'
  | 'escalated'
  | 'repeat'
  | 'sla-breached'
  | 'manual-escalation'
  | 'reopened'
  | 'unsilenced';

/** A typed timeline record: every step writes some; the thread shows each. */
export type TimelineRecord =
  | { type: 'opened'; level: Level; by: string }
  | { type: 'paged'; level: Level; people: readonly string[]; reason: PageReason }
  | { type: 'level-skipped'; level: Level }
  | { type: 'nobody-reachable'; level: Level }
  | { type: 'page-suppressed'; level: Level; reason: 'maintenance' }
  | { type: 'sla-breached'; level: Level }
  | { type: 'acknowledged'; level: Level; by: string; via?: 'link' }
  | { type: 'escalated'; from: Level; to: Level; by: string | null; via?: 'link' }
  | { type: 'resolved'; level: Level; by: string }
  | { type: 'silenced'; level: Level; by: string; untilMs: number }
  | { type: 'reopened'; level: Level; by: string }
  /** The same failure reported again; `count` > 1 when several reports share one thread line. */
  | { type: 'duplicate'; level: Level; source: string; count?: number }
  /** Slack failed: these people's pages went by these channels at once (issue 17). */
  | { type: 'failed-over'; level: Level; people: readonly string[]; channels: readonly PageChannelName[] }
  /** The checks behind the incident have been healthy long enough (watch mode). */
  | { type: 'recovered'; level: Level; checks: string; healthyMs: number; autoResolve?: boolean };

/** Why an event was not applied (nothing changes, nothing is paged). */
export type Refusal =
  | 'stale-timer'
  | 'not-due'
  | 'already-acknowledged'
  | 'already-resolved'
  | 'not-resolved'
  | 'top-level'
  /** An escalation with `upTo` found the incident already at that level (someone else raised it). */
  | 'already-at-level'
  /** Reopen refused: the same failure (dedup key) is already followed by another open incident. */
  | 'same-failure-open'
  /** An ack link made for an earlier generation: the incident changed since that page. */
  | 'stale-link'
  /** An ack link that has already acted once. */
  | 'link-used';

/** The result of one step: the new state and its records, or a refusal. */
export type StepResult =
  | { applied: true; state: IncidentState; records: TimelineRecord[] }
  | { applied: false; refusal: Refusal };
