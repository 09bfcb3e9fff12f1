import type { CheckId, CheckKind } from '../check.js';
import { postgresBlocking } from './postgres-blocking.js';
import { postgresCacheHit } from './postgres-cache-hit.js';
import { postgresConnections } from './postgres-connections.js';
import { postgresLongQueries } from './postgres-long-queries.js';
import { postgresPing } from './postgres-ping.js';
import { postgresSlowStatements } from './postgres-slow-statements.js';

/** PostgreSQL checks (runbook 10.1 Problème 3), by id. */
export const postgresCheckKinds = {
  'postgres.ping': postgresPing,
  'postgres.connections': postgresConnections,
  'postgres.long_queries': postgresLongQueries,
  'postgres.blocking': postgresBlocking,
  'postgres.cache_hit': postgresCacheHit,
  'postgres.slow_statements': postgresSlowStatements,
} satisfies Partial<Record<CheckId, CheckKind>>;
