import type { Message } from '../../i18n/message.js';

/** `error`: the bot would fail or act wrongly (check-config exits 78); `warning`: a gap a person should see (exit 1). */
export type FindingSeverity = 'error' | 'warning';

/** One semantic problem of a valid inventory, at a YAML path. */
export interface Finding {
  severity: FindingSeverity;
  path: (string | number)[];
  message: Message;
}
