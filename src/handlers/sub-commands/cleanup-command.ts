import { remediationCommand } from './remediation-command.js';

/** `/sama cleanup …`: a guarded remediation request (see remediation-command.ts). */
export const cleanupCommand = remediationCommand('cleanup');
