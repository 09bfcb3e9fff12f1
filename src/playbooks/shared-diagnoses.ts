import type { CheckContext } from '../checks/check.js';
import type { Diagnosis } from '../checks/run-checks.js';
import { settlesWithin } from '../lifecycle/settles-within.js';
import type { PlaybookId } from './diagnose-playbooks.js';
import { runPlaybook } from './run-playbook.js';

/** How long a diagnosis waits for its after-run hook before answering anyway. */
export const AFTER_RUN_WAIT_MS = 5000;

/** Runs diagnose playbooks, sharing a run already in flight. */
export interface SharedDiagnoses {
  run(playbook: PlaybookId): Promise<Diagnosis>;
}

/**
 * Single flight per playbook: when several people ask for the same diagnosis at once (an outage
 * at 3 a.m. brings the whole team to `/sama diagnose`), they share one run instead of multiplying
 * the load on the very servers that are struggling. A request arriving after a run ends starts a
 * new one, so no answer is older than the moment it was asked for by more than one run's duration.
 */
export function shareDiagnoses(
  context: CheckContext,
  signal?: AbortSignal,
  /** Runs once per actual run (not per requester), e.g. opening incidents for what failed. */
  afterRun?: (diagnosis: Diagnosis, playbook: PlaybookId) => Promise<void>,
  /** How long the answer waits for `afterRun`. Default AFTER_RUN_WAIT_MS. */
  afterRunWaitMs = AFTER_RUN_WAIT_MS,
): SharedDiagnoses {
  const inFlight = new Map<PlaybookId, Promise<Diagnosis>>();
  const runOnce = async (playbook: PlaybookId) => {
    const diagnosis = await runPlaybook(playbook, context, signal ? { signal } : {});
    // The people waiting get their answer even if the hook hangs (its store or Redis down): it
    // goes on in the background, and must handle its own errors.
    if (afterRun) await settlesWithin(afterRun(diagnosis, playbook), afterRunWaitMs);
    return diagnosis;
  };
  return {
    run(playbook) {
      const running = inFlight.get(playbook);
      if (running) return running;
      const started = runOnce(playbook).finally(() => inFlight.delete(playbook));
      inFlight.set(playbook, started);
      return started;
    },
  };
}
