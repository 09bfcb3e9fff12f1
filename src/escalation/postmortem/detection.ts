import type { StoredIncident } from '../../store/incidents/incident-row.js';

/** How an incident was detected: the watch, a diagnosis someone ran, an alert, or by hand. */
export type DetectionKind = 'watch' | 'diagnosis' | 'alert' | 'hand';

/** What detected the incident, and the checks (or alert) it names. */
export interface Detection {
  kind: DetectionKind;
  /** The playbook (watch, diagnosis) or the alert sender (alertmanager, grafana); empty by hand. */
  via: string;
  /** The failing checks, each `check · target[, target]`; for an alert, its title. */
  checks: string[];
}

const ALERT_SOURCES = new Set(['alertmanager', 'grafana']);

/**
 * Reads the detection from what the incident recorded: its source (`watch api`, `diagnose all`,
 * `alertmanager`, `/sama incident open (U…)`), its dedup key (`check:api.health:samaconso_api_1`)
 * and its title (`api.health · samaconso_api_1`, as the watch and the diagnoses name it).
 */
export function detectionOf(incident: Pick<StoredIncident, 'source' | 'dedupKey' | 'title'>): Detection {
  const [word = '', ...rest] = incident.source.split(' ');
  const checks = incident.dedupKey.startsWith('check:') ? [incident.title] : [];
  if (word === 'watch') return { kind: 'watch', via: rest.join(' '), checks };
  if (word === 'diagnose') return { kind: 'diagnosis', via: rest.join(' '), checks };
  if (ALERT_SOURCES.has(word) || incident.dedupKey.startsWith('alert:'))
    return { kind: 'alert', via: word, checks: [incident.title] };
  return { kind: 'hand', via: '', checks };
}
