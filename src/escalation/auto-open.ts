import type { CheckResult } from '../checks/check.js';
import type { Diagnosis } from '../checks/run-checks.js';
import type { EscalationPolicy } from '../config/escalation-policy-schema.js';
import { errorReason } from '../logging/error-reason.js';
import type { Logger } from '../logging/logger.js';
import type { Level } from './engine/policy-snapshot.js';
import type { EscalationService } from './escalation-service.js';
import type { OpenOutcome } from './incident-steps.js';

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
 * The incidents a diagnosis should open, by the inventory's `escalation.autoOpen` rules (first
 * matching rule wins; only `fail` results count). The dedup key is the check and its target, so
 * the same failure seen again joins the incident already open.
 */
export function autoOpenRequests(
  rules: EscalationPolicy['autoOpen'],
  results: readonly CheckResult[],
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
            dedupKey: `check:${result.id}:${result.target}`,
            level: rule.level,
            checkId: result.id,
            target: result.target,
          },
        ]
      : [];
  });
}

/** Opens (or joins) the incidents a set of results calls for; returns their outcomes. */
export async function openIncidentsFor(
  service: Pick<EscalationService, 'open'>,
  rules: EscalationPolicy['autoOpen'],
  results: readonly CheckResult[],
  source: string,
): Promise<OpenOutcome[]> {
  const outcomes: OpenOutcome[] = [];
  for (const request of autoOpenRequests(rules, results)) {
    outcomes.push(
      await service.open({
        dedupKey: request.dedupKey,
        title: `${request.checkId} · ${request.target}`,
        source,
        level: request.level,
        by: 'samaops',
      }),
    );
  }
  return outcomes;
}

/**
 * The hook a shared diagnosis runs once per run: opens or joins the incidents its failures call
 * for. A failure to open is logged and never spoils the report the requesters are waiting for.
 */
export function autoOpenAfterDiagnosis(
  service: Pick<EscalationService, 'open'>,
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
