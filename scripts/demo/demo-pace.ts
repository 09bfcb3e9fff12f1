import type { Interface } from 'node:readline';
import type { Locale } from '../../src/i18n/define-messages.js';
import { type MessageParams, msg } from '../../src/i18n/message.js';
import { translate } from '../../src/i18n/translate.js';

type Key = Parameters<typeof msg>[0];

/** A step's outcome is not what the demo shows: the demo stops, cleans up and exits non-zero. */
export class DemoStepFailed extends Error {}

/** How the demo talks: step headers, pauses on a terminal, and each step's checked outcome. */
export interface DemoPace {
  /** A catalogue text in the demo's language. */
  text(key: Key, params?: MessageParams): string;
  say(key: Key, params?: MessageParams): void;
  /** A step's header, then (on a terminal, without --fast) a pause until Enter. */
  step(key: Key, params?: MessageParams): Promise<void>;
  /** Prints the outcome checked. */
  ok(key: Key, params?: MessageParams): void;
  /** Stops the demo with the outcome that was not met. */
  fail(key: Key, params?: MessageParams): never;
  /** Shows a line as typed at the console. */
  typed(line: string): void;
}

/** `lines` is the terminal's input when the demo pauses; absent, it runs straight through. */
export function demoPace(
  locale: Locale,
  output: { write(text: string): unknown },
  lines: Interface | undefined,
): DemoPace {
  const t = (key: Key, params?: MessageParams) => translate(locale, msg(key, params));
  const bold = (text: string) => ((output as { isTTY?: boolean }).isTTY ? `\x1b[1m${text}\x1b[0m` : text);
  return {
    text: t,
    say: (key, params) => output.write(`${t(key, params)}\n`),
    async step(key, params) {
      output.write(`\n${bold(`━━ ${t(key, params)}`)}\n`);
      if (!lines) return;
      output.write(`${t('demo.pause')} `);
      await new Promise<void>((resolve) => lines.once('line', () => resolve()));
    },
    ok: (key, params) => output.write(`\n${t('demo.ok', { what: t(key, params) })}\n`),
    fail(key, params) {
      throw new DemoStepFailed(t('demo.failed', { what: t(key, params) }));
    },
    typed: (line) => output.write(`\n> ${line}\n`),
  };
}
