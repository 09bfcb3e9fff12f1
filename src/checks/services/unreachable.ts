import { msg } from '../../i18n/message.js';
import type { CheckOutcome } from '../check.js';
import { reasonOf } from '../run-checks.js';

/** The outcome of a service that refused or dropped the connection: `fail`, with the scrubbed reason. */
export function unreachable(error: unknown): CheckOutcome {
  return {
    status: 'fail',
    value: null,
    threshold: null,
    detail: msg('check.unreachable', { reason: reasonOf(error) }),
  };
}
