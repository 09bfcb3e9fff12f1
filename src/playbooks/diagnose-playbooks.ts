import { type CheckId, checkIds } from '../checks/check.js';

/** A diagnose playbook: the checks for one of the runbook's problems. */
export interface DiagnosePlaybook {
  id: PlaybookId;
  title: { fr: string; en: string };
  /** Where it comes from in the runbook (GUIDE_MISE_EN_PRODUCTION_PARTIE3.md). */
  runbook: string;
  checks: readonly CheckId[];
}

export const playbookIds = ['all', 'api', 'notifications', 'db', 'disk', 'redis'] as const;
export type PlaybookId = (typeof playbookIds)[number];

/** The runbook's five problems (§10.1), plus `all` (§10.2 health_check_complet.sh). */
export const diagnosePlaybooks = {
  all: {
    id: 'all',
    title: { fr: 'Diagnostic complet', en: 'Full diagnosis' },
    runbook: '10.2 health_check_complet.sh',
    checks: checkIds,
  },
  api: {
    id: 'api',
    title: { fr: 'API ne répond pas (502/503)', en: 'API not answering (502/503)' },
    runbook: '10.1 Problème 1',
    checks: ['api.health', 'docker.containers', 'host.reachable', 'postgres.ping', 'logs.errors'],
  },
  notifications: {
    id: 'notifications',
    title: { fr: 'Notifications non envoyées', en: 'Notifications not sent' },
    runbook: '10.1 Problème 2',
    checks: [
      'rabbitmq.queue',
      'rabbitmq.priority',
      'celery.workers',
      'docker.containers',
      'redis.ping',
      'host.reachable',
    ],
  },
  db: {
    id: 'db',
    title: { fr: 'Base de données lente', en: 'Slow database' },
    runbook: '10.1 Problème 3',
    checks: [
      'postgres.ping',
      'postgres.connections',
      'postgres.long_queries',
      'postgres.blocking',
      'postgres.cache_hit',
      'postgres.slow_statements',
    ],
  },
  disk: {
    id: 'disk',
    title: { fr: 'Espace disque saturé', en: 'Disk full' },
    runbook: '10.1 Problème 4',
    checks: ['disk.usage', 'logs.errors', 'host.reachable'],
  },
  redis: {
    id: 'redis',
    title: { fr: 'Redis mémoire pleine', en: 'Redis memory full' },
    runbook: '10.1 Problème 5',
    checks: ['redis.ping', 'redis.memory', 'redis.keys'],
  },
} as const satisfies Record<PlaybookId, DiagnosePlaybook>;

export function isPlaybookId(value: string): value is PlaybookId {
  return (playbookIds as readonly string[]).includes(value);
}
