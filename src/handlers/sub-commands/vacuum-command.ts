import { remediationCommand } from './remediation-command.js';

/** `/sama vacuum …`: a guarded remediation request (see remediation-command.ts). */
export const vacuumCommand = remediationCommand('vacuum');
