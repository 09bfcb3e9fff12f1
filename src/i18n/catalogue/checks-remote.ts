import { defineMessages } from '../define-messages.js';

/** Messages of the SSH layer and the checks that run over it (host, disk, containers, logs). */
export const remoteCheckMessages = defineMessages({
  fr: { 'check.remote.placeholder': '' },
  en: { 'check.remote.placeholder': '' },
});
