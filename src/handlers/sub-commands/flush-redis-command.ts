import { remediationCommand } from './remediation-command.js';

/** `/sama flush-redis …`: a guarded remediation request (see remediation-command.ts). */
export const flushRedisCommand = remediationCommand('flush-redis');
