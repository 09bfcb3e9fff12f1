import { remediationCommand } from './remediation-command.js';

/** `/sama restart …`: a guarded remediation request (see remediation-command.ts). */
export const restartCommand = remediationCommand('restart');
