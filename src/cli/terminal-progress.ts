import type { RunProgress } from '../checks/run-progress.js';
import type { Locale } from '../i18n/define-messages.js';
import type { Message } from '../i18n/message.js';
import { progressLine, type RunningUnit } from '../render/progress-line.js';

/** Where progress is drawn: a terminal's stderr (a pipe or a file is never drawn on). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Options of the progress line. */
export interface TerminalProgressOptions {
  /** Nothing is drawn before this, ms after the first unit starts: a quick run stays silent. Default 500. */
  delayMs?: number;
  /** Redraws at most this often, ms; elapsed times move on each redraw. Default 250. */
  intervalMs?: number;
  /** Clock, ms. Default Date.now (fake timers in tests move it too). */
  now?: () => number;
}

/** A RunProgress that draws, and must be stopped once the run is over (clears its line). */
export interface TerminalProgress extends RunProgress {
  stop(): void;
}

const CLEAR_LINE = '\r\x1b[K';

/**
 * Shows on a terminal which checks or collectors are still running and for how long, as one line
 * redrawn in place (`\r`), throttled, and cleared by `stop()` before the report is printed. On
 * anything that is not a terminal it draws nothing at all.
 */
export function terminalProgress(
  stream: ProgressStream,
  locale: Locale,
  options: TerminalProgressOptions = {},
): TerminalProgress {
  if (!stream.isTTY) return { started() {}, finished() {}, stop() {} };
  const now = options.now ?? Date.now;
  const running = new Map<string, RunningUnit>();
  let done = 0;
  let drawn = false;
  let firstAt: number | undefined;
  const draw = () => {
    if (firstAt === undefined || now() - firstAt < (options.delayMs ?? 500)) return;
    if (running.size === 0) {
      if (drawn) stream.write(CLEAR_LINE);
      drawn = false;
      return;
    }
    stream.write(`${CLEAR_LINE}${progressLine([...running.values()], done, now(), locale, stream.columns)}`);
    drawn = true;
  };
  const timer = setInterval(draw, options.intervalMs ?? 250);
  timer.unref();
  return {
    started(key: string, label: string | Message) {
      firstAt ??= now();
      running.set(key, { label, since: now() });
    },
    finished(key: string) {
      if (running.delete(key)) done += 1;
    },
    stop() {
      clearInterval(timer);
      if (drawn) stream.write(CLEAR_LINE);
      drawn = false;
    },
  };
}
