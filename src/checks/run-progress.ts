import type { Message } from '../i18n/message.js';

/**
 * Told when each unit of a long run (a check of a diagnosis, a collector of a report) starts and
 * ends, so that a terminal can show what is still running. Called synchronously; must not throw.
 */
export interface RunProgress {
  /** A unit started. `key` is unique within the run; `label` is what a person sees. */
  started(key: string, label: string | Message): void;
  /** The unit of `key` ended, however it ended (result, timeout, error). */
  finished(key: string): void;
}
