import { defineMessages } from '../define-messages.js';

/** Messages of incidents, escalation, on-call and maintenance windows. */
export const incidentMessages = defineMessages({
  fr: { 'incidents.placeholder': '' },
  en: { 'incidents.placeholder': '' },
});
