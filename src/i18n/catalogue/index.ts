import { postgresCheckMessages } from './checks-postgres.js';
import { commonMessages } from './common.js';

/**
 * The one message catalogue: every area's messages merged. Add an area by importing it here;
 * the compiler then knows its keys everywhere.
 */
export const catalogue = {
  fr: { ...commonMessages.fr, ...postgresCheckMessages.fr },
  en: { ...commonMessages.en, ...postgresCheckMessages.en },
};

export type MessageKey = keyof typeof catalogue.fr;
