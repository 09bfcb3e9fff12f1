import type { Level } from '../core/escalation/policy-snapshot.js';
import type { EscalationService } from './escalation-service.js';

/**
 * Escalates an incident one level at a time (the engine's own escalation, paging each level)
 * until it reaches `wanted`; returns the level reached. A later mapping asking for more raises.
 */
export async function raiseLevel(
  service: Pick<EscalationService, 'act'>,
  incidentId: number,
  from: Level,
  wanted: Level,
  by: string,
): Promise<Level> {
  let level = from;
  while (level < wanted) {
    // `upTo`: two raisers reading the same `from` (a watch tick, an alert) stop at `wanted` together.
    const step = await service.act(incidentId, { kind: 'escalate', by, upTo: wanted });
    if (step.kind !== 'applied') break;
    level = step.incident.state.level;
  }
  return level;
}
