import { remediationCommand } from './remediation-command.js';

/** `/sama purge …`: a guarded remediation request (see remediation-command.ts). */
export const purgeCommand = remediationCommand('purge');
