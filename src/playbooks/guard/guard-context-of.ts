import type { HandlerServices } from '../../handlers/handler-context.js';
import { remediations } from '../remediations/index.js';
import type { GuardContext } from './guard-context.js';

/** The guard's view of the handler services, with the registered remediations and no maintenance window (issue 6). */
export function guardContextOf(services: HandlerServices): GuardContext {
  return {
    inventory: services.inventory,
    clients: services.clients,
    logger: services.logger,
    pool: services.store.pool,
    signal: services.signal,
    remediations,
  };
}
