import { defineMessages } from '../define-messages.js';

/** Messages of the guarded remediations, their approvals and the audit log. */
export const remediationMessages = defineMessages({
  fr: {
    'remediation.command.summary': 'demande la remédiation « {id} » (approbation requise)',
    'remediation.command.audit.summary': 'affiche les dernières entrées du journal d’audit (par défaut 10)',
    'remediation.request.title': 'Remédiation demandée : {remediation} · {target}',
    'remediation.request.rule':
      'Risque niveau {tier} · {needed, plural, one {# approbation} other {# approbations de personnes distinctes}} parmi : {roles} · expire à {time}',
    'remediation.request.selfNotAllowed': 'Le demandeur ne peut pas approuver (niveau ≥ 2).',
    'remediation.request.preview': 'Ce qui sera exécuté',
    'remediation.request.maintenanceForced':
      'Fenêtre de maintenance ouverte : seule une approbation N3 ({roles}) peut forcer cette remédiation.',
    'remediation.request.evidence': 'Preuves conservées avant action : {keys}',
    'remediation.request.context': 'demandé par {user} · demande {id}',
    'remediation.button.approve': 'Approuver',
    'remediation.button.reject': 'Rejeter',
    'remediation.button.suggest': 'Remédier : {action}',
    'remediation.confirm.title': 'Approuver « {remediation} » ?',
    'remediation.confirm.text':
      '{remediation} sur {target} (risque niveau {tier}) : une fois les approbations réunies, elle s’exécute sur le serveur.',
    'remediation.confirm.confirm': 'Approuver',
    'remediation.confirm.deny': 'Annuler',
    'remediation.state.requested': 'En attente d’approbation ({count}/{needed})',
    'remediation.state.approvedBy': 'Approuvé par {users}',
    'remediation.state.running': 'Exécution en cours…',
    'remediation.state.succeeded': 'Réussi en {ms} ms, vérifications vertes',
    'remediation.state.failed': 'Échec après {ms} ms',
    'remediation.state.expired': 'Expirée : pas d’approbation dans les {minutes} min',
    'remediation.state.rejected': 'Rejetée par {user}',
    'remediation.outcome.heading': 'Résultat',
    'remediation.outcome.verify': 'Vérifications après exécution',
    'remediation.outcome.output': 'Sortie (extrait)',
    'remediation.outcome.exception': 'L’exécution s’est arrêtée sur une erreur : {reason}',
    'remediation.verify.line': '{check} · {target} : {status}',
    'remediation.verify.none': 'aucune vérification configurée pour cette cible',
    'remediation.refused.storeUnavailable':
      'Le journal d’audit (base de données du bot) est injoignable : aucune remédiation ne peut être demandée ni lancée. Les diagnostics restent disponibles.',
    'remediation.refused.unknownRequest':
      'Ce bouton ne correspond à aucune demande enregistrée. Rien n’a été fait.',
    'remediation.refused.otherChannel':
      'Cette demande a été faite dans un autre canal ; elle ne s’approuve que là-bas. Rien n’a été fait.',
    'remediation.refused.notPending': 'Cette demande est déjà « {state} ». Rien n’a été fait.',
    'remediation.refused.notInTeam':
      'Vous ne figurez pas dans l’équipe de l’inventaire : vous ne pouvez pas approuver. Refus consigné au journal d’audit.',
    'remediation.refused.role':
      'Seuls les rôles {roles} peuvent approuver cette remédiation. Refus consigné au journal d’audit.',
    'remediation.refused.selfApproval':
      'Vous avez demandé cette remédiation de niveau {tier} : une autre personne doit l’approuver. Refus consigné au journal d’audit.',
    'remediation.refused.alreadyApproved':
      'Vous avez déjà approuvé cette demande : il faut {needed} personnes distinctes.',
    'remediation.refused.expired':
      'Cette demande a expiré (délai d’approbation : {minutes} min). Relancez la commande si elle est toujours utile.',
    'remediation.refused.busy':
      'Une remédiation est déjà approuvée ou en cours sur {target}. Attendez sa fin avant d’en lancer une autre.',
    'remediation.refused.pendingTwin':
      'La même demande attend déjà son approbation : demande {id}, faite par {user} dans {channel} à {time}. Approuvez-la là-bas ; rien de nouveau n’a été créé.',
    'remediation.refused.cooldown':
      'Délai de carence : « {remediation} » sur {target} ne peut être redemandé qu’à partir de {time}.',
    'remediation.refused.hourlyCap':
      'Plafond atteint : « {remediation} » au plus {cap} fois par heure. Réessayez plus tard.',
    'remediation.refused.maintenance':
      'Une fenêtre de maintenance est ouverte : « {remediation} » n’est pas autorisé pendant la maintenance.',
    'remediation.refused.reject':
      'Seuls le demandeur et les rôles {roles} peuvent rejeter cette demande. Refus consigné au journal d’audit.',
    'remediation.refused.notConfigured': 'La remédiation « {id} » n’est pas disponible dans cette version.',
    'remediation.approval.recorded': 'Votre approbation est enregistrée ({count}/{needed}).',
    'remediation.audit.title':
      'Journal d’audit — {count, plural, one {la dernière entrée} other {les # dernières entrées}}',
    'remediation.audit.empty': 'Le journal d’audit est vide.',
    'remediation.audit.badCount': '`/sama audit` accepte un nombre de 1 à {max} (reçu « {argument} »).',
  },
  en: {
    'remediation.command.summary': 'requests the "{id}" remediation (approval required)',
    'remediation.command.audit.summary': 'shows the newest audit log entries (default 10)',
    'remediation.request.title': 'Remediation requested: {remediation} · {target}',
    'remediation.request.rule':
      'Risk tier {tier} · {needed, plural, one {# approval} other {# approvals from distinct people}} among: {roles} · expires at {time}',
    'remediation.request.selfNotAllowed': 'The requester may not approve (tier ≥ 2).',
    'remediation.request.preview': 'What will run',
    'remediation.request.maintenanceForced':
      'A maintenance window is open: only an N3 approval ({roles}) can force this remediation.',
    'remediation.request.evidence': 'Evidence kept before acting: {keys}',
    'remediation.request.context': 'requested by {user} · request {id}',
    'remediation.button.approve': 'Approve',
    'remediation.button.reject': 'Reject',
    'remediation.button.suggest': 'Fix: {action}',
    'remediation.confirm.title': 'Approve "{remediation}"?',
    'remediation.confirm.text':
      '{remediation} on {target} (risk tier {tier}): once the approvals are in, it runs on the server.',
    'remediation.confirm.confirm': 'Approve',
    'remediation.confirm.deny': 'Cancel',
    'remediation.state.requested': 'Waiting for approval ({count}/{needed})',
    'remediation.state.approvedBy': 'Approved by {users}',
    'remediation.state.running': 'Running…',
    'remediation.state.succeeded': 'Succeeded in {ms} ms, checks green',
    'remediation.state.failed': 'Failed after {ms} ms',
    'remediation.state.expired': 'Expired: no approval within {minutes} min',
    'remediation.state.rejected': 'Rejected by {user}',
    'remediation.outcome.heading': 'Outcome',
    'remediation.outcome.verify': 'Checks after running',
    'remediation.outcome.output': 'Output (excerpt)',
    'remediation.outcome.exception': 'The run stopped on an error: {reason}',
    'remediation.verify.line': '{check} · {target}: {status}',
    'remediation.verify.none': 'no check configured for this target',
    'remediation.refused.storeUnavailable':
      'The audit log (the bot database) is unreachable: no remediation can be requested or run. Diagnostics still work.',
    'remediation.refused.unknownRequest': 'This button matches no stored request. Nothing was done.',
    'remediation.refused.otherChannel':
      'This request was made in another channel; it can only be approved there. Nothing was done.',
    'remediation.refused.notPending': 'This request is already "{state}". Nothing was done.',
    'remediation.refused.notInTeam':
      'You are not in the inventory team: you may not approve. Refusal recorded in the audit log.',
    'remediation.refused.role':
      'Only the roles {roles} may approve this remediation. Refusal recorded in the audit log.',
    'remediation.refused.selfApproval':
      'You requested this tier {tier} remediation: someone else must approve it. Refusal recorded in the audit log.',
    'remediation.refused.alreadyApproved':
      'You approved this request already: it needs {needed} distinct people.',
    'remediation.refused.expired':
      'This request expired (approval window: {minutes} min). Run the command again if it is still needed.',
    'remediation.refused.busy':
      'A remediation is already approved or running on {target}. Wait for it to finish before starting another.',
    'remediation.refused.pendingTwin':
      'The same request is already waiting for approval: request {id}, made by {user} in {channel} at {time}. Approve it there; nothing new was created.',
    'remediation.refused.cooldown':
      'Cooldown: "{remediation}" on {target} may be requested again from {time}.',
    'remediation.refused.hourlyCap':
      'Cap reached: "{remediation}" at most {cap} times per hour. Try again later.',
    'remediation.refused.maintenance':
      'A maintenance window is open: "{remediation}" is not allowed during maintenance.',
    'remediation.refused.reject':
      'Only the requester and the roles {roles} may reject this request. Refusal recorded in the audit log.',
    'remediation.refused.notConfigured': 'The "{id}" remediation is not available in this version.',
    'remediation.approval.recorded': 'Your approval is recorded ({count}/{needed}).',
    'remediation.audit.title': 'Audit log — {count, plural, one {newest entry} other {newest # entries}}',
    'remediation.audit.empty': 'The audit log is empty.',
    'remediation.audit.badCount': '`/sama audit` takes a number from 1 to {max} (got "{argument}").',
  },
});
