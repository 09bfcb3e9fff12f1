import { defineMessages } from '../define-messages.js';

export const commonMessages = defineMessages({
  fr: {
    'status.ok': 'OK',
    'status.warn': 'ATTENTION',
    'status.fail': 'ÉCHEC',
    'status.unknown': 'INCONNU',
    'check.timeout': 'pas de réponse en {ms} ms',
    'check.crashed': 'erreur : {reason}',
    'check.unreachable': 'injoignable : {reason}',
    'check.notConfigured': 'non configuré dans l’inventaire',
    'threshold.above': 'seuil {warn} / {fail} {unit}',
    'threshold.aboveWarnOnly': 'seuil {warn} {unit}',
    'threshold.below': 'minimum {warn} / {fail} {unit}',
    'report.header': '{platform} — {playbook} — {status} en {ms} ms',
    'report.counts':
      '{fail} en échec, {unknown, plural, one {# inconnu} other {# inconnus}}, {warn} en attention, {ok} OK',
    'report.empty': 'Aucune vérification configurée pour ce playbook.',
  },
  en: {
    'status.ok': 'OK',
    'status.warn': 'WARN',
    'status.fail': 'FAIL',
    'status.unknown': 'UNKNOWN',
    'check.timeout': 'no answer within {ms} ms',
    'check.crashed': 'error: {reason}',
    'check.unreachable': 'unreachable: {reason}',
    'check.notConfigured': 'not configured in the inventory',
    'threshold.above': 'threshold {warn} / {fail} {unit}',
    'threshold.aboveWarnOnly': 'threshold {warn} {unit}',
    'threshold.below': 'minimum {warn} / {fail} {unit}',
    'report.header': '{platform} — {playbook} — {status} in {ms} ms',
    'report.counts': '{fail} failing, {unknown} unknown, {warn} warning, {ok} OK',
    'report.empty': 'No check is configured for this playbook.',
  },
});
