import { defineMessages } from '../define-messages.js';

/** Messages of the service level objectives (issue 20): report section, `/sama slo`, burn-rate incidents. */
export const sloMessages = defineMessages({
  fr: {
    'slo.objective.availability': 'disponibilité',
    'slo.objective.latency': 'latence p95',
    'slo.rule.fast': 'règle rapide : ≥ 14,4× sur 1 h et sur 5 min',
    'slo.rule.slow': 'règle lente : ≥ 6× sur 6 h et sur 30 min',
    'slo.burn.title': 'SLO {service} — {objective} : budget d’erreur brûlé à {rate}× ({rule})',
    'slo.section.title': 'SLO (objectifs de service)',
    'slo.section.wholeMonth': 'SLO — {month}, mois entier (heure {timezone})',
    'slo.section.monthSoFar': 'SLO — {month}, du 1er au {day} (mois en cours, heure {timezone})',
    'slo.availability':
      'disponibilité {percent} % (objectif {target} %, critique {critical} %) ; budget d’erreur {left} % restant : {spent} min sur {allowed} min ({down, plural, one {# min} other {# min}} en panne, {unknown, plural, one {# min inconnue} other {# min inconnues}} : aucun passage de la veille)',
    'slo.availability.none':
      'disponibilité inconnue : aucun passage de la veille sur la période ({checks} ; la veille doit exécuter ces contrôles)',
    'slo.latency':
      'latence p95 {p95} ms (objectif < {target} ms, critique < {critical} ms) ; budget d’erreur {left} % restant : {above} sur {samples, plural, one {# mesure} other {# mesures}} au-dessus de {target} ms',
    'slo.latency.none': 'latence p95 inconnue : aucune mesure de {check} sur la période',
    'slo.external.httpErrors': 'erreurs HTTP',
    'slo.external.notificationsSent': 'notifications envoyées',
    'slo.external.value':
      '{value} % (objectif {sign} {target} %, critique {sign} {critical} %), selon Prometheus',
    'slo.external.notMeasurable':
      'non mesurable par les sondes du bot : renseigner services.prometheus.url et slo.{key}.query',
    'slo.external.refused': 'inconnu : Prometheus a refusé la requête ({errorType}) : {error}',
    'slo.external.unreachable': 'inconnu : Prometheus injoignable : {reason}',
    'slo.external.noValue': 'inconnu : la requête ne rend aucune valeur (une seule série attendue)',
    'slo.noStore': 'pas de base du bot (DATABASE_URL) : SLO inconnus',
    'slo.command.summary':
      'SLO d’un mois (disponibilité, latences p95, budgets d’erreur), le mois en cours par défaut',
    'slo.command.badMonth': 'mois illisible « {month} » : AAAA-MM, par ex. 2026-11',
    'slo.command.title': '{platform} — SLO',
  },
  en: {
    'slo.objective.availability': 'availability',
    'slo.objective.latency': 'p95 latency',
    'slo.rule.fast': 'fast rule: ≥ 14.4× over 1 h and over 5 min',
    'slo.rule.slow': 'slow rule: ≥ 6× over 6 h and over 30 min',
    'slo.burn.title': 'SLO {service} — {objective}: error budget burning at {rate}× ({rule})',
    'slo.section.title': 'SLOs (service level objectives)',
    'slo.section.wholeMonth': 'SLOs — {month}, whole month ({timezone} time)',
    'slo.section.monthSoFar': 'SLOs — {month}, 1st to {day} (month so far, {timezone} time)',
    'slo.availability':
      'availability {percent} % (target {target} %, critical {critical} %); error budget {left} % left: {spent} min of {allowed} min ({down, plural, one {# min} other {# min}} down, {unknown, plural, one {# min} other {# min}} unknown: no watch run)',
    'slo.availability.none':
      'availability unknown: no watch run over the period ({checks}; the watch must run these checks)',
    'slo.latency':
      'p95 latency {p95} ms (target < {target} ms, critical < {critical} ms); error budget {left} % left: {above} of {samples, plural, one {# sample} other {# samples}} above {target} ms',
    'slo.latency.none': 'p95 latency unknown: no measurement of {check} over the period',
    'slo.external.httpErrors': 'HTTP errors',
    'slo.external.notificationsSent': 'notifications sent',
    'slo.external.value':
      '{value} % (target {sign} {target} %, critical {sign} {critical} %), from Prometheus',
    'slo.external.notMeasurable':
      'not measurable from the bot’s probes: set services.prometheus.url and slo.{key}.query',
    'slo.external.refused': 'unknown: Prometheus refused the query ({errorType}): {error}',
    'slo.external.unreachable': 'unknown: Prometheus unreachable: {reason}',
    'slo.external.noValue': 'unknown: the query returns no value (one series expected)',
    'slo.noStore': 'no bot database (DATABASE_URL): SLOs unknown',
    'slo.command.summary':
      'SLOs of a month (availability, p95 latencies, error budgets), the current month by default',
    'slo.command.badMonth': 'unreadable month "{month}": YYYY-MM, e.g. 2026-11',
    'slo.command.title': '{platform} — SLOs',
  },
});
