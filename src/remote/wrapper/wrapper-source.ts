import { createHash } from 'node:crypto';
import {
  formParts,
  type RemoteCommandForm,
  remoteCommandForms,
  remoteFormTraits,
  remoteTimeoutPrefix,
} from '../remote-forms.js';

/**
 * Version of samaops-remote's own code (the tokenizer, the checks, the way forms run). Bump it
 * when the generator changes what a server accepts or how it runs a form; a change of the forms
 * table shows in the hash instead.
 */
export const WRAPPER_VERSION = '1';

/** What a samaops-remote script is generated from: by default the bot's own forms table. */
export interface WrapperSource {
  version: string;
  /** Form name → word templates (remote-forms.ts). */
  forms: Readonly<Record<string, readonly string[]>>;
  /** Forms run through `sudo -n` when the login is not root. */
  privileged: readonly string[];
}

/** The bot's own source: the wrapper every server should run. */
export function botWrapperSource(): WrapperSource {
  return {
    version: WRAPPER_VERSION,
    forms: remoteCommandForms,
    privileged: (Object.keys(remoteFormTraits) as RemoteCommandForm[]).filter(
      (form) => remoteFormTraits[form].privileged,
    ),
  };
}

/**
 * `sha256:` and the hex SHA-256 of the forms table (with the timeout prefix, the part rules and
 * the privileged forms): what the wrapper accepts, in one value the bot compares to its own.
 */
export function formsHash(source: WrapperSource = botWrapperSource()): string {
  const canonical = JSON.stringify({
    prefix: remoteTimeoutPrefix,
    forms: Object.keys(source.forms)
      .sort()
      .map((name) => [name, source.forms[name]]),
    parts: Object.keys(formParts)
      .sort()
      .map((name) => [name, formParts[name as keyof typeof formParts]]),
    privileged: [...source.privileged].sort(),
  });
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}

/** The line `samaops-remote --version` prints: `samaops-remote <version> <forms hash>`. */
export function versionLine(source: WrapperSource = botWrapperSource()): string {
  return `samaops-remote ${source.version} ${formsHash(source)}`;
}

/** Added to the version line by a samaops-remote run as an ordinary command, not as the key's forced command. */
export const UNFORCED_MARK = 'unforced';

/**
 * A version line read back from a server, or undefined when the output is not one. `forced` is
 * false when samaops-remote answered as an ordinary command: it is installed, but the key that
 * ran it is not restricted to it.
 */
export function parseVersionLine(
  output: string,
): { version: string; hash: string; forced: boolean } | undefined {
  const match = new RegExp(`^samaops-remote (\\S+) (sha256:[0-9a-f]{64})( ${UNFORCED_MARK})?$`).exec(
    output.trim(),
  );
  return match?.[1] && match[2] ? { version: match[1], hash: match[2], forced: !match[3] } : undefined;
}
