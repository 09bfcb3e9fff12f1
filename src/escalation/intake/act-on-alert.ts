import type pg from 'pg';
import { markAlert, withAlertLock } from '../../store/incidents/alert-marks.js';
import { findOpenByDedupKey } from '../../store/incidents/incident-queries.js';
import type { EscalationService } from '../escalation-service.js';
import { raiseLevel } from '../raise-level.js';
import type { AlertJob, IntakePolicy } from './alert-payload.js';

/** Who the intake acts as in timelines. */
const INTAKE_ACTOR = 'samaops';

/** What acting on an alert needs. */
export interface AlertActions {
  policy: IntakePolicy;
  service: Pick<EscalationService, 'open' | 'act' | 'note'>;
  /** The bot's database (to find the incident a resolved alert ends). */
  pool: pg.Pool;
}

/**
 * The intake worker's processor: opens, joins (and raises) or resolves the incident of one alert,
 * keyed `alert:<fingerprint>`, under the fingerprint's lock so that its jobs act one after another.
 */
export function actOnAlert(deps: AlertActions): (job: AlertJob) => Promise<void> {
  const act = async (job: AlertJob) => {
    // Jobs run concurrently and are retried: one older than the newest webhook of its fingerprint
    // acted on is stale (a firing retried after its resolved must not reopen).
    if (!(await markAlert(deps.pool, job.dedupKey, job.status, job.receivedAt))) return;
    if (job.status === 'firing') await openOrRaise(deps, job);
    else await noteRecovery(deps, job);
  };
  return (job) => withAlertLock(deps.pool, job.dedupKey, () => act(job));
}

async function openOrRaise({ service }: AlertActions, job: AlertJob): Promise<void> {
  const opened = await service.open({
    dedupKey: job.dedupKey,
    title: job.title,
    source: job.source,
    level: job.level,
    by: INTAKE_ACTOR,
  });
  if (opened.kind === 'joined') {
    await raiseLevel(service, opened.incident.id, opened.incident.state.level, job.level, INTAKE_ACTOR);
  }
}

/** Resolved: the open incident of this fingerprint, if any, is proposed for closing (or closed). */
async function noteRecovery({ pool, service, policy }: AlertActions, job: AlertJob): Promise<void> {
  const open = await findOpenByDedupKey(pool, job.dedupKey);
  if (!open) return;
  await service.note(open.id, (level) => [
    {
      type: 'recovered',
      level,
      checks: job.title,
      healthyMs: Math.max(0, Date.now() - (job.endedAt ?? Date.now())),
      ...(policy.autoResolve ? { autoResolve: true } : {}),
    },
  ]);
  if (policy.autoResolve) await service.act(open.id, { kind: 'resolve', by: INTAKE_ACTOR });
}
