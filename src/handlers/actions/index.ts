import type { ActionHandler } from '../sub-command.js';
import { approveRemediationAction } from './approve-remediation-action.js';
import { incidentActions, postmortemAction } from './incident-actions.js';
import { rejectRemediationAction } from './reject-remediation-action.js';
import { rerunDiagnosisAction } from './rerun-diagnosis-action.js';
import { suggestedRemediationAction } from './suggested-remediation-action.js';

/** Every button handler, by action id. A new one is one file and one line here. */
export const actionHandlers: readonly ActionHandler[] = [
  rerunDiagnosisAction,
  approveRemediationAction,
  rejectRemediationAction,
  suggestedRemediationAction,
  ...incidentActions,
  postmortemAction,
];
