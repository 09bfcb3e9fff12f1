import type { CheckResult, CheckStatus } from '../checks/check.js';
import type { Diagnosis } from '../checks/run-checks.js';
import type { EscalationPolicy } from '../config/escalation-policy-schema.js';
import type { Level } from '../core/escalation/policy-snapshot.js';
import { errorReason } from '../logging/error-reason.js';
import type { Logger } from '../logging/logger.js';
import type { EscalationService } from './escalation-service.js';
import type { OpenOutcome } from './incident-steps.js';
import { raiseLevel } from './raise-level.js';

/**
 * What the watch observes of one (check, target) in a run: a check's result, or an observation of
 * the bot's own (an SLO's burn rate, `slo.burn`).
 */
export interface WatchObservation {
  id: string;
  target: string;
  status: CheckStatus;
}

/** A failing check that the policy maps to a level: what opening (or joining) an incident needs. */
export interface AutoOpenRequest {
  dedupKey: string;
  level: Level;
  checkId: string;
  target: string;
}

/** True when `pattern` (an id, or a prefix ending with `*`) names `checkId`. */
function matches(pattern: string, checkId: string): boolean {
  return pattern.endsWith('*') ? checkId.startsWith(pattern.slice(0, -1)) : pattern === checkId;
}

/**
 * True when a rule naming this check counts its targets together (`atLeast` above 1, e.g. "both
 * API instances down"): then its failing targets are one incident, raised as more of them fail.
 */
function groupsTargets(rules: EscalationPolicy['autoOpen'], checkId: string): boolean {
  return rules.some((rule) => matches(rule.check, checkId) && (rule.atLeast ?? 1) > 1);
}

/**
 * The failing results the inventory's `escalation.autoOpen` rules map to a level (first matching
 * rule wins; only `fail` results count), one request per result. The dedup key is the check and
 * its target, or the check alone when its rules count targets together (`atLeast`), so that the
 * same failure seen again joins the incident already open.
 */
export function autoOpenRequests(
  rules: EscalationPolicy['autoOpen'],
  results: readonly WatchObservation[],
): AutoOpenRequest[] {
  const failing = new Map<string, number>();
  for (const result of results) {
    if (result.status === 'fail') failing.set(result.id, (failing.get(result.id) ?? 0) + 1);
  }
  return results.flatMap((result) => {
    if (result.status !== 'fail') return [];
    const rule = rules.find(
      (candidate) =>
        matches(candidate.check, result.id) &&
        (candidate.atLeast ?? 1) <= (failing.get(result.id) ?? 0) &&
        (candidate.target === undefined || candidate.target === result.target),
    );
    return rule
      ? [
          {
            dedupKey: groupsTargets(rules, result.id)
              ? `check:${result.id}`
              : `check:${result.id}:${result.target}`,
            level: rule.level,
            checkId: result.id,
            target: result.target,
          },
        ]
      : [];
  });
}

/** The requests of one incident (one dedup key): its highest level and every target behind it. */
export interface IncidentRequest {
  dedupKey: string;
  level: Level;
  checkId: string;
  targets: string[];
}

/** Requests gathered per incident, in first-seen order: one open (or join and raise) each. */
export function byIncident(requests: readonly AutoOpenRequest[]): IncidentRequest[] {
  const incidents = new Map<string, IncidentRequest>();
  for (const request of requests) {
    const known = incidents.get(request.dedupKey);
    if (!known) {
      incidents.set(request.dedupKey, {
        dedupKey: request.dedupKey,
        level: request.level,
        checkId: request.checkId,
        targets: [request.target],
      });
      continue;
    }
    if (request.level > known.level) known.level = request.level;
    if (!known.targets.includes(request.target)) known.targets.push(request.target);
  }
  return [...incidents.values()];
}

/** The title of an incident a check opens: the check and its failing targets. */
export function incidentTitle(request: Pick<IncidentRequest, 'checkId' | 'targets'>): string {
  return `${request.checkId} · ${request.targets.join(', ')}`;
}

/** Opens (or joins and raises) the incidents a set of results calls for; returns their outcomes. */
export async function openIncidentsFor(
  service: Pick<EscalationService, 'open' | 'act'>,
  rules: EscalationPolicy['autoOpen'],
  results: readonly CheckResult[],
  source: string,
): Promise<OpenOutcome[]> {
  const outcomes: OpenOutcome[] = [];
  for (const request of byIncident(autoOpenRequests(rules, results))) {
    const outcome = await service.open({
      dedupKey: request.dedupKey,
      title: incidentTitle(request),
      source,
      level: request.level,
      by: 'samaops',
    });
    if (outcome.kind === 'joined')
      await raiseLevel(service, outcome.incident.id, outcome.incident.state.level, request.level, 'samaops');
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * The hook a shared diagnosis runs once per run: opens or joins the incidents its failures call
 * for. A failure to open is logged and never spoils the report the requesters are waiting for.
 */
export function autoOpenAfterDiagnosis(
  service: Pick<EscalationService, 'open' | 'act'>,
  rules: EscalationPolicy['autoOpen'],
  logger: Logger,
): (diagnosis: Diagnosis, playbook: string) => Promise<void> {
  return async (diagnosis, playbook) => {
    if (rules.length === 0) return;
    try {
      const outcomes = await openIncidentsFor(service, rules, diagnosis.results, `diagnose ${playbook}`);
      if (outcomes.length > 0) {
        logger.info(
          { incidents: outcomes.map((o) => ({ id: o.incident.id, kind: o.kind })) },
          'auto-opened incidents',
        );
      }
    } catch (error) {
      logger.error({ err: errorReason(error) }, 'auto-open after diagnosis failed');
    }
  };
}
