import { defineMessages } from '../define-messages.js';

/** Messages of the Redis, RabbitMQ, Celery/Flower, API and MinIO checks. */
export const serviceCheckMessages = defineMessages({
  fr: {
    'check.redis.ping.title': 'Redis répond (PING)',
    'check.redis.ping.detail': 'PONG en {ms} ms',
    'check.redis.ping.odd': 'réponse inattendue à PING : {answer}',
    'check.redis.memory.title': 'Mémoire Redis',
    'check.redis.memory.detail': '{used} utilisés sur {limit} ({percent} %), politique d’éviction {policy}',
    'check.redis.memory.noLimit':
      '{used} utilisés, aucune limite maxmemory (Redis grossira jusqu’à saturer le serveur), politique {policy}',
    'check.redis.memory.unreadable': 'INFO memory illisible (used_memory ou maxmemory absent)',
    'check.redis.keys.title': 'Clés Redis (DBSIZE)',
    'check.redis.keys.detail': '{count} clés dans la base',
    'check.rabbitmq.queue.title': 'File RabbitMQ',
    'check.rabbitmq.queue.detail': '{messages} messages prêts, {consumers} consommateurs',
    'check.rabbitmq.queue.noConsumer':
      '{messages} messages prêts et aucun consommateur : les workers n’écoutent plus cette file',
    'check.rabbitmq.queue.missing': 'la file {queue} n’existe pas',
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
    'check.redis.ping.detail': 'PONG in {ms} ms',
    'check.redis.ping.odd': 'unexpected answer to PING: {answer}',
    'check.redis.memory.title': 'Redis memory',
    'check.redis.memory.detail': '{used} used of {limit} ({percent} %), eviction policy {policy}',
    'check.redis.memory.noLimit':
      '{used} used, no maxmemory limit (Redis will grow until the server runs out of memory), policy {policy}',
    'check.redis.memory.unreadable': 'INFO memory unreadable (used_memory or maxmemory missing)',
    'check.redis.keys.title': 'Redis keys (DBSIZE)',
    'check.redis.keys.detail': '{count} keys in the database',
    'check.rabbitmq.queue.title': 'RabbitMQ queue',
    'check.rabbitmq.queue.detail': '{messages} ready messages, {consumers} consumers',
    'check.rabbitmq.queue.noConsumer':
      '{messages} ready messages and no consumer: the workers stopped listening to this queue',
    'check.rabbitmq.queue.missing': 'queue {queue} does not exist',
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
