import type { IncidentEvent } from '../../core/escalation/incident-state.js';
import { isInPolicy } from '../../core/escalation/policy-snapshot.js';
import {
  INCIDENT_ACTIONS,
  POSTMORTEM_ACTION,
  SILENCE_DURATION_MS,
} from '../../escalation/incident-message.js';
import { localeFor } from '../../render/reply-port.js';
import { readIncident } from '../../store/incidents/incident-queries.js';
import { activeOverrides } from '../../store/incidents/oncall-and-maintenance.js';
import { answerOutcome, notice, parseIncidentId, requireEscalation } from '../incident-handler-support.js';
import { postPostmortem } from '../post-postmortem.js';
import type { ActionHandler } from '../sub-command.js';

/** One incident button: the value is the incident id; only people in its frozen policy may press. */
function incidentAction(actionId: string, event: (by: string, now: number) => IncidentEvent): ActionHandler {
  return {
    actionId,
    async run({ invocation, value, services }) {
      const locale = services.inventory.locale;
      // What only the presser reads speaks their language.
      const personal = () => localeFor(invocation, locale);
      const ready = await requireEscalation(services, invocation);
      if (!ready) return;
      const id = parseIncidentId(value);
      const incident = id === null ? null : await readIncident(ready.pool, id);
      if (id === null || !incident) {
        await invocation.replies.respondEphemeral(
          notice(await personal(), 'incidents.error.notFound', { id: value.slice(0, 20) }),
        );
        return;
      }
      const now = Date.now();
      const overrideRoles = (await activeOverrides(ready.pool, now))
        .filter((override) => override.slackId === invocation.userId)
        .map((override) => override.role);
      if (!isInPolicy(incident.snapshot, invocation.userId, overrideRoles)) {
        await invocation.replies.respondEphemeral(notice(await personal(), 'incidents.error.notInPolicy'));
        return;
      }
      const outcome = await ready.escalation.act(id, event(invocation.userId, now));
      await answerOutcome(outcome, id, invocation, locale);
    },
  };
}

/** Acknowledge / Escalate / Resolve / Silence (one hour) buttons of the incident message. */
export const incidentActions: readonly ActionHandler[] = [
  incidentAction(INCIDENT_ACTIONS.acknowledge, (by) => ({ kind: 'acknowledge', by })),
  incidentAction(INCIDENT_ACTIONS.escalate, (by) => ({ kind: 'escalate', by })),
  incidentAction(INCIDENT_ACTIONS.resolve, (by) => ({ kind: 'resolve', by })),
  incidentAction(INCIDENT_ACTIONS.silence, (by, now) => ({
    kind: 'silence',
    by,
    untilMs: now + SILENCE_DURATION_MS,
  })),
];

/** Post-mortem, on a resolved major or critical incident: its draft as a file in the incident's thread. */
export const postmortemAction: ActionHandler = {
  actionId: POSTMORTEM_ACTION,
  async run({ invocation, value, services }) {
    const ready = await requireEscalation(services, invocation);
    if (!ready) return;
    const id = parseIncidentId(value);
    if (id === null) {
      const locale = await localeFor(invocation, services.inventory.locale);
      await invocation.replies.respondEphemeral(
        notice(locale, 'incidents.error.notFound', { id: value.slice(0, 20) }),
      );
      return;
    }
    await postPostmortem(invocation, services, ready.pool, id);
  },
};
