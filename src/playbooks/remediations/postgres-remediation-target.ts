import { postgresTargets } from '../../checks/postgres/postgres-target.js';
import type { Inventory } from '../../config/schema.js';

/** The PostgreSQL target name as checks report it (host:port/db), or `postgres` when unconfigured. */
export function postgresTargetName(inventory: Inventory): string {
  return postgresTargets(inventory)[0]?.name ?? 'postgres';
}
