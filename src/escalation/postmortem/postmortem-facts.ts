import type pg from 'pg';
import type { TimelineRecord } from '../../core/escalation/incident-state.js';
import { readIncident, readTimeline } from '../../store/incidents/incident-queries.js';
import type { StoredIncident } from '../../store/incidents/incident-row.js';
import {
  type RanRemediation,
  remediationsRunBetween,
} from '../../store/remediation-requests/requests-in-window.js';
import { type Detection, detectionOf } from './detection.js';
import type { SloBudgetSource, SloBudgetUse } from './slo-budget-source.js';

/** Everything the bot recorded about one incident: what a post-mortem draft is written from. */
export interface PostmortemFacts {
  incident: StoredIncident;
  timeline: readonly { at: number; record: TimelineRecord }[];
  detection: Detection;
  /** Remediations that started while the incident was unresolved. */
  remediations: readonly RanRemediation[];
  /** The SLO budget the incident consumed; undefined when the SLO figures are not available. */
  slo: readonly SloBudgetUse[] | undefined;
  /** When the draft is made (the end of an unresolved incident's window). */
  now: number;
}

/**
 * Gathers an incident's facts from the bot's database: the incident and its timeline, the
 * remediations run between its opening and its resolution (or now) with their approvals and
 * audit entries, and the SLO budget through the port. Undefined for an unknown incident.
 */
export async function postmortemFacts(
  pool: pg.Pool,
  id: number,
  options: { slo?: SloBudgetSource | undefined; now?: number } = {},
): Promise<PostmortemFacts | undefined> {
  const incident = await readIncident(pool, id);
  if (!incident) return undefined;
  const now = options.now ?? Date.now();
  const end = incident.state.status === 'resolved' ? incident.state.resolvedAt : now;
  const window = { from: incident.openedAt, to: end };
  const [timeline, remediations, slo] = await Promise.all([
    readTimeline(pool, id),
    remediationsRunBetween(pool, new Date(window.from), new Date(window.to)),
    options.slo ? options.slo(window) : Promise.resolve(undefined),
  ]);
  return { incident, timeline, detection: detectionOf(incident), remediations, slo, now };
}
