import type { MessageKey } from '../i18n/catalogue/index.js';
import { type Message, msg } from '../i18n/message.js';

/** Hints shown beside a configuration problem, chosen by the last key of its path. */
const HINTS: Record<string, MessageKey> = {
  hostKeyFingerprint: 'config.hint.hostKeyFingerprint',
  privateKeyFile: 'config.hint.privateKeyFile',
  url: 'config.hint.url',
  healthUrl: 'config.hint.healthUrl',
  timezone: 'config.hint.timezone',
  locale: 'config.hint.locale',
  containers: 'config.hint.containers',
  mountPoints: 'config.hint.mountPoints',
  logGlobs: 'config.hint.logGlobs',
  queues: 'config.hint.queues',
};

export function hintFor(path: readonly PropertyKey[]): Message | undefined {
  const key = [...path].reverse().find((part) => typeof part === 'string');
  const hint = typeof key === 'string' ? HINTS[key] : undefined;
  return hint ? msg(hint) : undefined;
}
