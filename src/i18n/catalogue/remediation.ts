import { defineMessages } from '../define-messages.js';

/** Messages of the guarded remediations, their approvals and the audit log. */
export const remediationMessages = defineMessages({
  fr: { 'remediation.placeholder': '' },
  en: { 'remediation.placeholder': '' },
});
