import type { Locale } from '../i18n/define-messages.js';
import { type Message, msg } from '../i18n/message.js';
import { formatParam, translate } from '../i18n/translate.js';

/** One unit still running: what it is and since when (ms, on the caller's clock). */
export interface RunningUnit {
  label: string | Message;
  since: number;
}

/**
 * The one line a terminal shows while a long command runs, longest-running first:
 * `en cours (3) : apt@db 4,2 s, tls 1,0 s, … — 12 terminés`, cut to `width` columns so that a
 * carriage return can redraw it in place (a wrapped line could not be).
 */
export function progressLine(
  running: readonly RunningUnit[],
  done: number,
  now: number,
  locale: Locale,
  width = 80,
): string {
  const items = [...running]
    .sort((a, b) => a.since - b.since)
    .map((unit) =>
      translate(
        locale,
        msg('progress.item', {
          label: formatParam(unit.label, locale),
          seconds: Math.floor((now - unit.since) / 100) / 10,
        }),
      ),
    );
  const line = translate(
    locale,
    msg('progress.line', { count: running.length, items: items.join(', '), done }),
  );
  return cutToWidth(line, Math.max(width - 1, 10));
}

/** Cut to `width` characters, with an ellipsis where it was cut. */
function cutToWidth(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
