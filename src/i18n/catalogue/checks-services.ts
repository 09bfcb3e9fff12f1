import { defineMessages } from '../define-messages.js';

/** Messages of the Redis, RabbitMQ, Celery/Flower, API and MinIO checks. */
export const serviceCheckMessages = defineMessages({
  fr: {
    'check.redis.ping.title': 'Redis répond (PING)',
    'check.redis.ping.detail': 'PONG en {ms} ms (connexion prise en {connectMs} ms)',
    'check.redis.ping.best':
      'PONG en {ms} ms au mieux de {samples} essais (connexion prise en {connectMs} ms)',
    'check.redis.ping.odd': 'réponse inattendue à PING : {answer}',
    'check.redis.memory.title': 'Mémoire Redis',
    'check.redis.memory.detail': '{used} utilisés sur {limit} ({percent} %), politique d’éviction {policy}',
    'check.redis.memory.noLimit':
      '{used} utilisés, aucune limite maxmemory (Redis grossira jusqu’à saturer le serveur), politique {policy}',
    'check.redis.memory.unreadable': 'INFO memory illisible (used_memory ou maxmemory absent)',
    'check.redis.keys.title': 'Clés Redis (DBSIZE)',
    'check.redis.keys.detail': '{count, plural, one {# clé} other {# clés}} dans la base',
    'check.rabbitmq.queue.title': 'File RabbitMQ',
    'check.rabbitmq.queue.detail': '{messages} messages prêts, {consumers} consommateurs',
    'check.rabbitmq.queue.noConsumer':
      '{messages} messages prêts et aucun consommateur : les workers n’écoutent plus cette file',
    'check.rabbitmq.queue.missing': 'la file {queue} n’existe pas',
    'check.rabbitmq.priority.title': 'Inversion de priorité des files RabbitMQ',
    'check.rabbitmq.priority.inversion':
      '{higher} : {ready} en attente pendant que {lower} occupe {consumers} consommateurs ({unacked} non acquittés), selon l’API de gestion',
    'check.rabbitmq.priority.inversionAmqp':
      '{higher} : {ready} en attente pendant que {lower} occupe ses {consumers} consommateurs, tous à leur limite de préchargement ({lowerReady} en attente derrière eux), selon AMQP',
    'check.rabbitmq.priority.ok':
      'pas d’inversion de priorité : aucune file n’a plus de {backlog} messages en attente pendant que les consommateurs d’une file moins prioritaire travaillent (API de gestion)',
    'check.rabbitmq.priority.okAmqp':
      'pas d’inversion visible par AMQP : aucune file n’a plus de {backlog} messages en attente pendant qu’une file moins prioritaire sature ses consommateurs ; AMQP ne montre pas les messages non acquittés (services.rabbitmq.managementUrl les montrerait)',
    'check.rabbitmq.priority.fewQueues': 'moins de deux files existantes à comparer ({queues})',
    'check.celery.workers.title': 'Workers Celery actifs (Flower)',
    'check.celery.workers.detail': '{live} workers actifs sur {expected} attendus : {names}',
    'check.celery.workers.unreadable': 'réponse de Flower illisible (JSON attendu : un objet par worker)',
    'check.api.health.title': 'Santé de l’instance API (/health)',
    'check.api.health.detail': 'HTTP {status} en {ms} ms',
    'check.minio.live.title': 'MinIO vivant (/minio/health/live)',
    'check.minio.live.detail': 'vivant, répond en {ms} ms',
    'check.http.status': 'répond HTTP {status}',
  },
  en: {
    'check.redis.ping.title': 'Redis answers (PING)',
    'check.redis.ping.detail': 'PONG in {ms} ms (connection taken in {connectMs} ms)',
    'check.redis.ping.best':
      'PONG in {ms} ms at best of {samples} tries (connection taken in {connectMs} ms)',
    'check.redis.ping.odd': 'unexpected answer to PING: {answer}',
    'check.redis.memory.title': 'Redis memory',
    'check.redis.memory.detail': '{used} used of {limit} ({percent} %), eviction policy {policy}',
    'check.redis.memory.noLimit':
      '{used} used, no maxmemory limit (Redis will grow until the server runs out of memory), policy {policy}',
    'check.redis.memory.unreadable': 'INFO memory unreadable (used_memory or maxmemory missing)',
    'check.redis.keys.title': 'Redis keys (DBSIZE)',
    'check.redis.keys.detail': '{count, plural, one {# key} other {# keys}} in the database',
    'check.rabbitmq.queue.title': 'RabbitMQ queue',
    'check.rabbitmq.queue.detail': '{messages} ready messages, {consumers} consumers',
    'check.rabbitmq.queue.noConsumer':
      '{messages} ready messages and no consumer: the workers stopped listening to this queue',
    'check.rabbitmq.queue.missing': 'queue {queue} does not exist',
    'check.rabbitmq.priority.title': 'RabbitMQ queue priority inversion',
    'check.rabbitmq.priority.inversion':
      '{higher}: {ready} waiting while {lower} keeps {consumers} consumers busy ({unacked} unacknowledged), per the management API',
    'check.rabbitmq.priority.inversionAmqp':
      '{higher}: {ready} waiting while {lower} keeps its {consumers} consumers busy, all at their prefetch limit ({lowerReady} waiting behind them), per AMQP',
    'check.rabbitmq.priority.ok':
      'no priority inversion: no queue has more than {backlog} messages waiting while the consumers of a lower-priority queue are busy (management API)',
    'check.rabbitmq.priority.okAmqp':
      'no inversion visible over AMQP: no queue has more than {backlog} messages waiting while a lower-priority queue saturates its consumers; AMQP does not show unacknowledged messages (services.rabbitmq.managementUrl would)',
    'check.rabbitmq.priority.fewQueues': 'fewer than two existing queues to compare ({queues})',
    'check.celery.workers.title': 'Live Celery workers (Flower)',
    'check.celery.workers.detail': '{live} live workers of {expected} expected: {names}',
    'check.celery.workers.unreadable': 'unreadable Flower answer (expected JSON: one object per worker)',
    'check.api.health.title': 'API instance health (/health)',
    'check.api.health.detail': 'HTTP {status} in {ms} ms',
    'check.minio.live.title': 'MinIO is live (/minio/health/live)',
    'check.minio.live.detail': 'live, answers in {ms} ms',
    'check.http.status': 'answers HTTP {status}',
  },
});
