import type { CheckStatus } from '../checks/check.js';

const COLOURS: Record<CheckStatus, string> = {
  ok: '\x1b[32m',
  warn: '\x1b[33m',
  fail: '\x1b[31m',
  unknown: '\x1b[35m',
};
const RESET = '\x1b[0m';

/** Paints text in its status's ANSI colour (green, yellow, red, magenta), or leaves it when `enabled` is false. */
export function paintStatus(status: CheckStatus, text: string, enabled: boolean): string {
  return enabled ? `${COLOURS[status]}${text}${RESET}` : text;
}
