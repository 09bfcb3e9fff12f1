import { remediationCommand } from './remediation-command.js';

/** `/sama kill-queries …`: a guarded remediation request (see remediation-command.ts). */
export const killQueriesCommand = remediationCommand('kill-queries');
