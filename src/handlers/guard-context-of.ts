import type { GuardContext } from '../playbooks/guard/guard-context.js';
import { remediations } from '../playbooks/remediations/index.js';
import { activeMaintenance } from '../store/incidents/oncall-and-maintenance.js';
import type { HandlerServices } from './handler-context.js';

/** The guard's view of the handler services: the registered remediations, and the maintenance window from the incidents store. */
export function guardContextOf(services: Omit<HandlerServices, 'access'>): GuardContext {
  const pool = services.store.pool;
  return {
    inventory: services.inventory,
    clients: services.clients,
    logger: services.logger,
    pool,
    signal: services.signal,
    remediations,
    maintenance: async () => ({
      active: pool ? (await activeMaintenance(pool, Date.now())) !== null : false,
    }),
  };
}
