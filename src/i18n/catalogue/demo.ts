import { defineMessages } from '../define-messages.js';

/** Messages of `npm run demo` and of the console's `/as` and printed pages. */
export const demoMessages = defineMessages({
  fr: {
    'console.as.unknown': '« {query} » ne fait pas partie de l’équipe. Membres : {names}.',
    'console.sender.dm': '📩 message privé à {name}',
    'console.sender.thread': '#{channel}, fil du message #{ts}',
    'console.sender.channel': '#{channel}',
    'demo.title':
      'samaops — démonstration : une panne, un diagnostic, une réparation approuvée, un incident, un rapport.',
    'demo.pause': '(Entrée pour continuer · Ctrl-C pour quitter)',
    'demo.step.setup':
      '1/6 · Mise en place : le labo (trois serveurs SSH sur 127.0.0.2-4 et leurs services), une base du bot jetable, ses propres files Redis, une équipe, une politique d’escalade aux délais courts, la surveillance active.',
    'demo.setup.done':
      'Labo prêt ({seconds} s) · base {database} · files {namespace}-* · surveillance du playbook « {playbook} » toutes les {every}.',
    'demo.setup.team': 'Équipe (rôles du tableau « Contacts » du runbook) : {team}.',
    'demo.step.healthy': '2/6 · Un diagnostic du labo sain : tout est vert.',
    'demo.step.fault':
      '3/6 · Une vraie panne : le conteneur samaconso_api_1 s’arrête (npm run lab -- fault api-1-down). Après {failures} passages en échec de la surveillance (l’anti-rebond), un incident N2 s’ouvre et l’astreinte est appelée.',
    'demo.step.fix':
      '4/6 · La réparation : {requester}, d’astreinte, demande le redémarrage ; la console passe à {approver}, qui voit l’aperçu et les preuves, et approuve.',
    'demo.fix.audit': 'Le journal d’audit, puis sa vérification (samaops audit verify) :',
    'demo.step.end':
      '5/6 · La fin : l’incident est pris en charge puis résolu ; le rapport quotidien montre la tendance depuis le précédent.',
    'demo.step.play':
      '6/6 · À vous : le labo reste démarré. Essayez /sama diagnose db, /sama status, /sama incident list, /as NOM ({names}), un numéro de bouton ; exit pour quitter.',
    'demo.done': 'Démonstration terminée.',
    'demo.ok': '✔ {what}',
    'demo.failed': '✘ La démonstration s’arrête : {what}',
    'demo.check.healthy': 'labo sain : toutes les vérifications OK, aucun avertissement',
    'demo.check.unhealthy': 'le labo sain n’est pas tout vert : {problems}',
    'demo.check.incident': 'incident #{id} ouvert en {level} par la surveillance ; appelé(s) : {people}',
    'demo.check.noIncident': 'aucun incident N2 ouvert par la surveillance en {seconds} s',
    'demo.check.noPage': 'l’astreinte n’a reçu aucun appel en {seconds} s',
    'demo.check.restarted':
      'samaconso_api_1 tourne de nouveau (pid {pid}) ; redémarrage approuvé par {approver}, vérifications vertes',
    'demo.check.notRestarted': 'le redémarrage n’a pas abouti (demande {state}, conteneur {container})',
    'demo.check.audit': 'journal d’audit intact ({rows} lignes chaînées)',
    'demo.check.auditBroken': 'samaops audit verify a échoué (code {code})',
    'demo.check.resolved': 'incident #{id} pris en charge par {acknowledged}, résolu par {resolved}',
    'demo.check.notResolved': 'l’incident #{id} est « {state} », pas résolu',
    'demo.check.report': 'rapport quotidien stocké ({reports} rapports, comparé au précédent)',
    'demo.check.noReport': 'le rapport quotidien n’a pas été stocké',
    'demo.cleanup': 'Nettoyage : base {database}, files {namespace}-*{lab}.',
    'demo.cleanup.lab': ', labo arrêté',
    'demo.cleanup.labKept': ' (le labo était déjà démarré : il le reste)',
  },
  en: {
    'console.as.unknown': '“{query}” is not in the team. Members: {names}.',
    'console.sender.dm': '📩 direct message to {name}',
    'console.sender.thread': '#{channel}, thread of message #{ts}',
    'console.sender.channel': '#{channel}',
    'demo.title': 'samaops — demo: a fault, a diagnosis, an approved fix, an incident, a report.',
    'demo.pause': '(Enter to go on · Ctrl-C to quit)',
    'demo.step.setup':
      '1/6 · Setup: the lab (three SSH servers on 127.0.0.2-4 and their services), a scratch bot database, its own Redis queues, a team, an escalation policy with short timers, the watch on.',
    'demo.setup.done':
      'Lab ready ({seconds} s) · database {database} · queues {namespace}-* · watch of playbook “{playbook}” every {every}.',
    'demo.setup.team': 'Team (roles of the runbook’s “Contacts” table): {team}.',
    'demo.step.healthy': '2/6 · A diagnosis of the healthy lab: all green.',
    'demo.step.fault':
      '3/6 · A real fault: container samaconso_api_1 stops (npm run lab -- fault api-1-down). After {failures} failing watch runs (the flap guard), an N2 incident opens and the on-call people are paged.',
    'demo.step.fix':
      '4/6 · The fix: {requester}, on call, asks for the restart; the console switches to {approver}, who sees the preview and the evidence, and approves.',
    'demo.fix.audit': 'The audit log, then its verification (samaops audit verify):',
    'demo.step.end':
      '5/6 · The end: the incident is acknowledged, then resolved; the daily report shows the trend since the previous one.',
    'demo.step.play':
      '6/6 · Your turn: the lab stays up. Try /sama diagnose db, /sama status, /sama incident list, /as NAME ({names}), a button number; exit to leave.',
    'demo.done': 'Demo finished.',
    'demo.ok': '✔ {what}',
    'demo.failed': '✘ The demo stops: {what}',
    'demo.check.healthy': 'healthy lab: every check OK, no warning',
    'demo.check.unhealthy': 'the healthy lab is not all green: {problems}',
    'demo.check.incident': 'incident #{id} opened at {level} by the watch; paged: {people}',
    'demo.check.noIncident': 'no N2 incident opened by the watch in {seconds} s',
    'demo.check.noPage': 'nobody on call was paged in {seconds} s',
    'demo.check.restarted':
      'samaconso_api_1 runs again (pid {pid}); restart approved by {approver}, checks green',
    'demo.check.notRestarted': 'the restart did not succeed (request {state}, container {container})',
    'demo.check.audit': 'audit log intact ({rows} rows chained)',
    'demo.check.auditBroken': 'samaops audit verify failed (code {code})',
    'demo.check.resolved': 'incident #{id} acknowledged by {acknowledged}, resolved by {resolved}',
    'demo.check.notResolved': 'incident #{id} is “{state}”, not resolved',
    'demo.check.report': 'daily report stored ({reports} reports, compared with the previous one)',
    'demo.check.noReport': 'the daily report was not stored',
    'demo.cleanup': 'Cleanup: database {database}, queues {namespace}-*{lab}.',
    'demo.cleanup.lab': ', lab stopped',
    'demo.cleanup.labKept': ' (the lab was already up: it stays up)',
  },
});
