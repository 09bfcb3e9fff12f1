import { type Message, msg } from '../i18n/message.js';

/** What `--locale` left: the arguments without it, and the language it asked for or what was wrong. */
export interface LocaleOption {
  argv: string[];
  locale?: 'fr' | 'en';
  problem?: Message;
}

const LOCALES = ['fr', 'en'] as const;

/**
 * Takes `--locale fr|en` (or `--locale=en`) out of the arguments, wherever it stands before `--`:
 * a global option that sets SAMAOPS_LOCALE for the command, so that usage text, the inventory's
 * problems and every message after them speak that language.
 */
export function takeLocaleOption(argv: readonly string[]): LocaleOption {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  const rest: string[] = [];
  let value: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (index < end && arg === '--locale') {
      value = argv[index + 1] ?? '';
      index += 1;
    } else if (index < end && arg.startsWith('--locale=')) {
      value = arg.slice('--locale='.length);
    } else {
      rest.push(arg);
    }
  }
  if (value === undefined) return { argv: rest };
  const locale = LOCALES.find((each) => each === value);
  if (!locale) return { argv: rest, problem: msg('cli.error.locale', { given: value.slice(0, 20) }) };
  return { argv: rest, locale };
}
