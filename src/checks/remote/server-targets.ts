import type { Inventory, Server } from '../../config/schema.js';
import { explainError } from '../../i18n/explain-error.js';
import { msg } from '../../i18n/message.js';
import { isRemoteError } from '../../remote/remote-error.js';
import type { CheckOutcome } from '../check.js';

/** Every server of the inventory, named as reports show it. */
export function serverTargets(inventory: Inventory): { name: string; target: Server }[] {
  return inventory.servers.map((server) => ({ name: server.name, target: server }));
}

/**
 * A remote check that could not run its command (host down, key refused, timeout): `unknown`,
 * because host.reachable is the check that fails for an unreachable host; counting it again as
 * a failed disk or container would bury the real cause. A refused argument fails.
 */
export function remoteFailure(error: unknown): CheckOutcome {
  // A refused argument is a defect in the inventory or the code, not an outage: it must be seen.
  if (isRemoteError(error, 'REMOTE_ARGUMENT_REFUSED')) {
    return {
      status: 'fail',
      value: null,
      threshold: null,
      detail: msg('check.remote.refused', { reason: explainError(error) }),
      data: { code: error.code },
    };
  }
  return {
    status: 'unknown',
    value: null,
    threshold: null,
    detail: msg('check.remote.failed', { reason: explainError(error) }),
  };
}
