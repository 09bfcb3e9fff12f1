import { remediationCommand } from './remediation-command.js';

/** `/sama scale …`: a guarded remediation request (see remediation-command.ts). */
export const scaleCommand = remediationCommand('scale');
