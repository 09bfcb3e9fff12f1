import type { Inventory } from '../../config/schema.js';

/** The PostgreSQL target name shown in reports: host:port/database, never the credentials. */
export function postgresTargets(inventory: Inventory): { name: string; target: null }[] {
  const postgres = inventory.services.postgres;
  if (!postgres) return [];
  const url = new URL(postgres.url);
  return [{ name: `${url.hostname}:${url.port || '5432'}${url.pathname}`, target: null }];
}
