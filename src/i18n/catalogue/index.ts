import { ackLinkMessages } from './ack-link.js';
import { chartMessages } from './charts.js';
import { postgresCheckMessages } from './checks-postgres.js';
import { remoteCheckMessages } from './checks-remote.js';
import { serviceCheckMessages } from './checks-services.js';
import { cliMessages } from './cli.js';
import { commonMessages } from './common.js';
import { configMessages } from './config.js';
import { demoMessages } from './demo.js';
import { errorMessages } from './errors.js';
import { incidentMessages } from './incidents.js';
import { operationsMessages } from './operations.js';
import { pageMessages } from './pages.js';
import { postmortemMessages } from './postmortem.js';
import { remediationMessages } from './remediation.js';
import { remediationActionMessages } from './remediation-actions.js';
import { reportMessages } from './reports.js';
import { slackMessages } from './slack.js';
import { sloMessages } from './slo.js';
import { usageMessages } from './usage.js';

/**
 * The one message catalogue: every area's messages merged. Each area keeps its own file so that
 * its keys live beside the code that uses them; the compiler knows every key everywhere.
 */
export const catalogue = {
  fr: {
    ...commonMessages.fr,
    ...postgresCheckMessages.fr,
    ...serviceCheckMessages.fr,
    ...remoteCheckMessages.fr,
    ...slackMessages.fr,
    ...remediationMessages.fr,
    ...remediationActionMessages.fr,
    ...incidentMessages.fr,
    ...ackLinkMessages.fr,
    ...pageMessages.fr,
    ...reportMessages.fr,
    ...sloMessages.fr,
    ...chartMessages.fr,
    ...postmortemMessages.fr,
    ...errorMessages.fr,
    ...configMessages.fr,
    ...cliMessages.fr,
    ...operationsMessages.fr,
    ...demoMessages.fr,
    ...usageMessages.fr,
  },
  en: {
    ...commonMessages.en,
    ...postgresCheckMessages.en,
    ...serviceCheckMessages.en,
    ...remoteCheckMessages.en,
    ...slackMessages.en,
    ...remediationMessages.en,
    ...remediationActionMessages.en,
    ...incidentMessages.en,
    ...ackLinkMessages.en,
    ...pageMessages.en,
    ...reportMessages.en,
    ...sloMessages.en,
    ...chartMessages.en,
    ...postmortemMessages.en,
    ...errorMessages.en,
    ...configMessages.en,
    ...cliMessages.en,
    ...operationsMessages.en,
    ...demoMessages.en,
    ...usageMessages.en,
  },
};

export type MessageKey = keyof typeof catalogue.fr;
