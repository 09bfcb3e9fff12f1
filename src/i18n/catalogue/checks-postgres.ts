import { defineMessages } from '../define-messages.js';

/** Messages of the PostgreSQL checks (runbook 10.1 Problème 3 and the weekly maintenance). */
export const postgresCheckMessages = defineMessages({
  fr: {
    'check.postgres.ping.title': 'PostgreSQL répond (SELECT 1)',
    'check.postgres.ping.detail': 'SELECT 1 en {ms} ms (connexion prise en {connectMs} ms)',
    'check.postgres.ping.best':
      'SELECT 1 en {ms} ms au mieux de {samples} essais (connexion prise en {connectMs} ms)',
    'check.postgres.connections.title': 'Connexions PostgreSQL',
    'check.postgres.connections.detail': '{used} connexions sur {limit} ({percent} %) : {states}',
    'check.postgres.long_queries.title': 'Requêtes longues PostgreSQL',
    'check.postgres.long_queries.none': 'aucune requête en cours depuis plus de {seconds} s',
    'check.postgres.long_queries.detail':
      '{count, plural, one {# requête en cours} other {# requêtes en cours}} depuis plus de {seconds} s ; la plus ancienne : pid {pid} ({user}) depuis {age} s : {query}',
    'check.postgres.blocking.title': 'Sessions bloquées PostgreSQL',
    'check.postgres.blocking.none': 'aucune session en attente d’un verrou',
    'check.postgres.blocking.detail':
      '{count, plural, one {# session bloquée} other {# sessions bloquées}} ; pid {pid} ({user}) bloqué par pid {blockingPid} ({blockingUser}) depuis {seconds} s : {query}',
    'check.postgres.cache_hit.title': 'Taux de cache PostgreSQL',
    'check.postgres.cache_hit.detail':
      '{percent} % des blocs lus depuis le cache ({hit} en cache, {read} depuis le disque)',
    'check.postgres.cache_hit.noData':
      'pas encore de lectures mesurées (base neuve ou statistiques remises à zéro)',
    'check.postgres.slow_statements.title': 'Requêtes lentes PostgreSQL (pg_stat_statements)',
    'check.postgres.slow_statements.none': 'aucune requête au-dessus de {ms} ms en moyenne',
    'check.postgres.slow_statements.detail':
      '{count, plural, one {# requête} other {# requêtes}} au-dessus de {ms} ms en moyenne ; la plus lente : {mean} ms sur {calls, plural, one {# appel} other {# appels}} : {query}',
    'check.postgres.slow_statements.noExtension':
      'extension pg_stat_statements absente de cette base : CREATE EXTENSION pg_stat_statements; (il faut aussi shared_preload_libraries = pg_stat_statements et un redémarrage)',
    'check.postgres.slow_statements.notPreloaded':
      'pg_stat_statements n’est pas chargé : ajoutez-le à shared_preload_libraries et redémarrez PostgreSQL',
  },
  en: {
    'check.postgres.ping.title': 'PostgreSQL answers (SELECT 1)',
    'check.postgres.ping.detail': 'SELECT 1 in {ms} ms (connection taken in {connectMs} ms)',
    'check.postgres.ping.best':
      'SELECT 1 in {ms} ms at best of {samples} tries (connection taken in {connectMs} ms)',
    'check.postgres.connections.title': 'PostgreSQL connections',
    'check.postgres.connections.detail': '{used} connections of {limit} ({percent} %): {states}',
    'check.postgres.long_queries.title': 'PostgreSQL long queries',
    'check.postgres.long_queries.none': 'no query running for more than {seconds} s',
    'check.postgres.long_queries.detail':
      '{count, plural, one {# query} other {# queries}} running for more than {seconds} s; oldest: pid {pid} ({user}) for {age} s: {query}',
    'check.postgres.blocking.title': 'PostgreSQL blocked sessions',
    'check.postgres.blocking.none': 'no session waiting for a lock',
    'check.postgres.blocking.detail':
      '{count, plural, one {# blocked session} other {# blocked sessions}}; pid {pid} ({user}) blocked by pid {blockingPid} ({blockingUser}) for {seconds} s: {query}',
    'check.postgres.cache_hit.title': 'PostgreSQL cache hit ratio',
    'check.postgres.cache_hit.detail':
      '{percent} % of blocks read from cache ({hit} from cache, {read} from disk)',
    'check.postgres.cache_hit.noData': 'no reads measured yet (new database or statistics just reset)',
    'check.postgres.slow_statements.title': 'PostgreSQL slow statements (pg_stat_statements)',
    'check.postgres.slow_statements.none': 'no statement above {ms} ms on average',
    'check.postgres.slow_statements.detail':
      '{count, plural, one {# statement} other {# statements}} above {ms} ms on average; slowest: {mean} ms over {calls, plural, one {# call} other {# calls}}: {query}',
    'check.postgres.slow_statements.noExtension':
      'extension pg_stat_statements is not in this database: CREATE EXTENSION pg_stat_statements; (needs shared_preload_libraries = pg_stat_statements and a restart too)',
    'check.postgres.slow_statements.notPreloaded':
      'pg_stat_statements is not loaded: add it to shared_preload_libraries and restart PostgreSQL',
  },
});
