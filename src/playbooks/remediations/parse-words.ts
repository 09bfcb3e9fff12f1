import type { ParsedArgs, RemediationArgs } from '../../core/remediation/remediation.js';
import { type Message, msg } from '../../i18n/message.js';

/** A successful parse. */
export function accepted(args: RemediationArgs): ParsedArgs {
  return { ok: true, args };
}

/** The kinds of target a remediation names; each has its refusal in the catalogue. */
export type TargetKind = 'container' | 'queue' | 'service' | 'count' | 'server';

/** A refusal that names what was given (cut to 40 characters) and lists what is valid, in the catalogue's words. */
export function refusedValue(what: TargetKind, given: string, valid: readonly string[]): ParsedArgs {
  return {
    ok: false,
    reason: msg(`fix.args.notAllowed.${what}`, {
      given: Array.from(given).slice(0, 40).join(''),
      valid: valid.length > 0 ? valid.join(', ') : '—',
    }),
  };
}

/** A refusal for a wrong number of words, with the usage line. */
export function refusedUsage(usage: Message): ParsedArgs {
  return { ok: false, reason: msg('fix.args.usage', { usage }) };
}

/** Reads a string argument stored by `parse`; anything else is a defect of the stored request. */
export function stringArg(args: RemediationArgs, key: string): string {
  const value = args[key];
  if (typeof value !== 'string') throw new TypeError(`remediation argument "${key}" is not a string`);
  return value;
}

/** Reads a number argument stored by `parse`. */
export function numberArg(args: RemediationArgs, key: string): number {
  const value = args[key];
  if (typeof value !== 'number') throw new TypeError(`remediation argument "${key}" is not a number`);
  return value;
}

/** Reads a string-list argument stored by `parse`. */
export function listArg(args: RemediationArgs, key: string): string[] {
  const value = args[key];
  if (!Array.isArray(value)) throw new TypeError(`remediation argument "${key}" is not a list`);
  return value;
}
