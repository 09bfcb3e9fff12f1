import { defineMessages } from '../define-messages.js';

/** Messages of the seven remediation modules: argument refusals, previews and outcomes. */
export const remediationActionMessages = defineMessages({
  fr: {
    'fix.args.notAllowed.container': 'conteneur « {given} » refusé. Valeurs possibles : {valid}',
    'fix.args.notAllowed.queue': 'file « {given} » refusée. Valeurs possibles : {valid}',
    'fix.args.notAllowed.service': 'service « {given} » refusé. Valeurs possibles : {valid}',
    'fix.args.notAllowed.count': 'nombre de répliques « {given} » refusé. Valeurs possibles : {valid}',
    'fix.args.notAllowed.server': 'serveur « {given} » refusé. Valeurs possibles : {valid}',
    'fix.args.usage': 'Usage : {usage}',
    'fix.restart.preview': '{server} : `{command}` (état actuel : {status})',
    'fix.restart.previewRolling':
      'Un à la fois : le suivant seulement quand /health du précédent répond 2xx (délai {seconds} s), sinon arrêt.',
    'fix.restart.done': 'Redémarré : {containers}',
    'fix.restart.failed': '`docker restart {container}` a échoué (code {code})',
    'fix.restart.unhealthy': '{container} redémarré mais /health ne répond pas 2xx après {seconds} s',
    'fix.restart.abortedRolling':
      'Arrêt : {container} ne répond pas 2xx sur /health après {seconds} s ; sans action sur : {untouched}',
    'fix.restart.unknownContainer': 'le conteneur {container} n’est plus dans l’inventaire',
    'fix.purge.preview':
      'File {queue} : {messages} messages prêts, {consumers} consommateurs ; ils seront supprimés',
    'fix.purge.done': 'File {queue} purgée : {messages} messages supprimés',
    'fix.purge.missing': 'la file {queue} n’existe pas',
    'fix.killQueries.badDuration':
      'durée « {given} » refusée : un nombre suivi de s, m ou h (ex. 30s, 5m, 1h), au plus 7 jours',
    'fix.killQueries.preview':
      'pid {pid} ({user}), depuis {age} s : {query} — backend_start {backendStart}, query_start {queryStart}',
    'fix.killQueries.none': 'Aucune requête active depuis plus de {seconds} s : rien à terminer',
    'fix.killQueries.nothing': 'Rien à terminer',
    'fix.killQueries.done': 'Terminées : {terminated} ; ignorées (requête changée ou finie) : {skipped}',
    'fix.killQueries.refused':
      'Terminées : {terminated} ; ignorées : {skipped} ; refusées par PostgreSQL (droits ?) : {refused}',
    'fix.vacuum.badName': 'nom de table « {given} » refusé : lettres, chiffres et _ (table ou schéma.table)',
    'fix.vacuum.noSuchTable': 'la table {table} n’existe pas. Tables possibles : {valid}',
    'fix.vacuum.systemCatalog':
      '{table} est un catalogue système de PostgreSQL : ce n’est pas une cible de `/sama vacuum`. Tables possibles : {valid}',
    'fix.vacuum.preview': '`{statement}` sur {target}',
    'fix.vacuum.done': '`{statement}` terminé ({warnings} avertissements)',
    'fix.scale.preview': '{server} : `{command}` ({current} en marche → {count})',
    'fix.scale.done': '{service} : {running, plural, one {# réplique} other {# répliques}} en marche',
    'fix.scale.failed': '{service} : {running} en marche au lieu de {count} (code {code})',
    'fix.cleanup.preview': '{server} : `{prune}` puis `{journal}` (ignoré si journald est absent)',
    'fix.cleanup.previewMount': '{mount} : {percent} % utilisé, {free} libres',
    'fix.cleanup.done': '{server} : {freed} libérés (prune code {prune}, journald {journal})',
    'fix.cleanup.failed':
      '{server} : nettoyage incomplet, {freed} libérés (prune code {prune}, journald {journal})',
    'fix.flushRedis.preview': 'FLUSHDB sur {target} : {keys} clés, {memory} utilisés, tout sera supprimé',
    'fix.flushRedis.done': 'FLUSHDB sur {target} : {keys} clés supprimées, {remaining} restantes',
  },
  en: {
    'fix.args.notAllowed.container': 'container "{given}" refused. Valid values: {valid}',
    'fix.args.notAllowed.queue': 'queue "{given}" refused. Valid values: {valid}',
    'fix.args.notAllowed.service': 'service "{given}" refused. Valid values: {valid}',
    'fix.args.notAllowed.count': 'count "{given}" refused. Valid values: {valid}',
    'fix.args.notAllowed.server': 'server "{given}" refused. Valid values: {valid}',
    'fix.args.usage': 'Usage: {usage}',
    'fix.restart.preview': '{server}: `{command}` (current status: {status})',
    'fix.restart.previewRolling':
      'One at a time: the next only once the previous one’s /health answers 2xx (within {seconds} s), otherwise stop.',
    'fix.restart.done': 'Restarted: {containers}',
    'fix.restart.failed': '`docker restart {container}` failed (code {code})',
    'fix.restart.unhealthy': '{container} restarted but /health is not 2xx after {seconds} s',
    'fix.restart.abortedRolling':
      'Stopped: {container} does not answer 2xx on /health after {seconds} s; left untouched: {untouched}',
    'fix.restart.unknownContainer': 'container {container} is no longer in the inventory',
    'fix.purge.preview':
      'Queue {queue}: {messages} ready messages, {consumers} consumers; they will be deleted',
    'fix.purge.done': 'Queue {queue} purged: {messages} messages deleted',
    'fix.purge.missing': 'queue {queue} does not exist',
    'fix.killQueries.badDuration':
      'duration "{given}" refused: a number followed by s, m or h (e.g. 30s, 5m, 1h), at most 7 days',
    'fix.killQueries.preview':
      'pid {pid} ({user}), for {age} s: {query} — backend_start {backendStart}, query_start {queryStart}',
    'fix.killQueries.none': 'No query active for more than {seconds} s: nothing to terminate',
    'fix.killQueries.nothing': 'Nothing to terminate',
    'fix.killQueries.done': 'Terminated: {terminated}; skipped (query changed or ended): {skipped}',
    'fix.killQueries.refused':
      'Terminated: {terminated}; skipped: {skipped}; refused by PostgreSQL (privileges?): {refused}',
    'fix.vacuum.badName': 'table name "{given}" refused: letters, digits and _ (table or schema.table)',
    'fix.vacuum.noSuchTable': 'table {table} does not exist. Valid tables: {valid}',
    'fix.vacuum.systemCatalog':
      '{table} is a PostgreSQL system catalog: not a target of `/sama vacuum`. Valid tables: {valid}',
    'fix.vacuum.preview': '`{statement}` on {target}',
    'fix.vacuum.done': '`{statement}` finished ({warnings} warnings)',
    'fix.scale.preview': '{server}: `{command}` ({current} running → {count})',
    'fix.scale.done': '{service}: {running, plural, one {# replica} other {# replicas}} running',
    'fix.scale.failed': '{service}: {running} running instead of {count} (code {code})',
    'fix.cleanup.preview': '{server}: `{prune}` then `{journal}` (skipped when journald is absent)',
    'fix.cleanup.previewMount': '{mount}: {percent} % used, {free} free',
    'fix.cleanup.done': '{server}: {freed} freed (prune code {prune}, journald {journal})',
    'fix.cleanup.failed':
      '{server}: cleanup incomplete, {freed} freed (prune code {prune}, journald {journal})',
    'fix.flushRedis.preview': 'FLUSHDB on {target}: {keys} keys, {memory} used, all will be deleted',
    'fix.flushRedis.done': 'FLUSHDB on {target}: {keys} keys deleted, {remaining} left',
  },
});
