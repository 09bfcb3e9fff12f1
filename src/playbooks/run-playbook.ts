import { buildChecks } from '../checks/build-checks.js';
import type { CheckContext } from '../checks/check.js';
import { type Diagnosis, type RunChecksOptions, runChecks } from '../checks/run-checks.js';
import { diagnosePlaybooks, type PlaybookId } from './diagnose-playbooks.js';

/** Runs a diagnose playbook's checks against every target the inventory lists for them. */
export function runPlaybook(
  playbook: PlaybookId,
  context: CheckContext,
  options?: RunChecksOptions,
): Promise<Diagnosis> {
  return runChecks(buildChecks(diagnosePlaybooks[playbook].checks, context.inventory), context, options);
}
