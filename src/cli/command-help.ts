import type { Locale } from '../i18n/define-messages.js';
import { type Message, msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { playbookIds } from '../playbooks/diagnose-playbooks.js';
import { reportKinds } from '../reports/report-model.js';

/** The `samaops` commands. */
export const cliCommandNames = [
  'serve',
  'migrate',
  'wait-ready',
  'diagnose',
  'check-config',
  'audit',
  'report',
  'incident',
  'ssh-wrapper',
  'completion',
] as const;
export type CliCommandName = (typeof cliCommandNames)[number];

/** What `samaops <command> --help` prints: its usage lines, one sentence, its options. */
interface CommandHelp {
  /** After `samaops `; option and argument names are identifiers, the same in both languages. */
  usages: string[];
  summary: Message;
  options: [flag: string, meaning: Message][];
  /** The words its first argument takes (playbooks, report kinds): what shell completion offers. */
  words?: readonly string[];
}

const CONFIG: [string, Message] = ['--config FILE', msg('cli.option.config')];
const JSON_OUTPUT: [string, Message] = ['--json', msg('cli.option.json')];

const HELP: Record<CliCommandName, CommandHelp> = {
  serve: {
    usages: ['serve [--script LINES]'],
    summary: msg('cli.summary.serve'),
    options: [['--script LINES', msg('cli.option.script')]],
  },
  migrate: {
    usages: ['migrate'],
    summary: msg('cli.summary.migrate'),
    options: [],
  },
  'wait-ready': {
    usages: ['wait-ready [--url URL] [--timeout SECONDS]'],
    summary: msg('cli.summary.waitReady'),
    options: [
      ['--url URL', msg('cli.option.url')],
      ['--timeout SECONDS', msg('cli.option.timeout')],
    ],
  },
  diagnose: {
    usages: ['diagnose [playbook] [--json] [--config FILE]'],
    summary: msg('cli.summary.diagnose'),
    options: [
      ['playbook', msg('cli.option.playbook', { valid: playbookIds.join(', ') })],
      JSON_OUTPUT,
      CONFIG,
    ],
    words: playbookIds,
  },
  'check-config': {
    usages: ['check-config [--config FILE]'],
    summary: msg('cli.summary.checkConfig'),
    options: [CONFIG],
  },
  audit: {
    usages: ['audit verify', 'audit [n]'],
    summary: msg('cli.summary.audit'),
    options: [['n', msg('cli.option.auditCount')]],
    words: ['verify'],
  },
  report: {
    usages: [`report ${reportKinds.join('|')} [--json] [--chart FILE] [--config FILE]`],
    summary: msg('cli.summary.report'),
    options: [
      ['kind', msg('cli.option.kind', { valid: reportKinds.join(', ') })],
      JSON_OUTPUT,
      ['--chart FILE', msg('cli.option.chart')],
      CONFIG,
    ],
    words: reportKinds,
  },
  incident: {
    usages: ['incident postmortem ID [--config FILE]'],
    summary: msg('cli.summary.incident'),
    options: [['ID', msg('cli.option.incidentId')], CONFIG],
    words: ['postmortem'],
  },
  'ssh-wrapper': {
    usages: [
      'ssh-wrapper',
      'ssh-wrapper --authorized-keys --public-key FILE [--from ADDRESSES]',
      'ssh-wrapper --sudoers [--server NAME] [--config FILE]',
      'ssh-wrapper --version',
    ],
    summary: msg('cli.summary.sshWrapper'),
    options: [
      ['--authorized-keys', msg('cli.option.authorizedKeys')],
      ['--public-key FILE', msg('cli.option.publicKey')],
      ['--from ADDRESSES', msg('cli.option.from')],
      ['--sudoers', msg('cli.option.sudoers')],
      ['--server NAME', msg('cli.option.server')],
      CONFIG,
      ['--version', msg('cli.option.wrapperVersion')],
    ],
  },
  completion: {
    usages: ['completion bash'],
    summary: msg('cli.summary.completion'),
    options: [['bash', msg('cli.option.shell')]],
    words: ['bash'],
  },
};

/** The options every command takes besides its own: `--locale` and `--help`. */
export const globalOptions: readonly [flag: string, meaning: Message][] = [
  ['--locale fr|en', msg('cli.option.locale')],
  ['--help', msg('cli.option.help')],
];

/** What shell completion needs of one command: its option flags (with their value's name) and its words. */
export function commandCompletion(name: CliCommandName): {
  options: { flag: string; value?: string }[];
  words: readonly string[];
} {
  const options = [...HELP[name].options, ...globalOptions]
    .map(([flag]) => flag)
    .filter((flag) => flag.startsWith('--'))
    .map((flag) => {
      const [option = flag, value] = flag.split(' ');
      return value === undefined ? { flag: option } : { flag: option, value };
    });
  return { options, words: HELP[name].words ?? [] };
}

export function isCliCommandName(name: string): name is CliCommandName {
  return (cliCommandNames as readonly string[]).includes(name);
}

/** `usage: samaops diagnose [playbook] …`, one line per form: what a usage error shows. */
export function commandUsageText(name: CliCommandName, locale: Locale): string {
  return HELP[name].usages.map((usage) => translate(locale, msg('cli.usage.line', { usage }))).join('\n');
}

/** The whole help of one command (`samaops diagnose --help`). */
export function commandHelpText(name: CliCommandName, locale: Locale): string {
  const help = HELP[name];
  const all = [...help.options, ...globalOptions];
  const width = Math.max(...all.map(([flag]) => flag.length)) + 2;
  const options = all.map(([flag, meaning]) => `  ${flag.padEnd(width)}${translate(locale, meaning)}`);
  return [
    commandUsageText(name, locale),
    translate(locale, help.summary),
    translate(locale, msg('cli.usage.options')),
    ...options,
  ].join('\n');
}

/** The general usage: every command's first usage line and sentence, the exit codes. */
export function generalUsageText(locale: Locale): string {
  const global = [['--version', msg('cli.summary.version')] as const, ...globalOptions];
  const width =
    Math.max(...cliCommandNames.map((name) => name.length), ...global.map(([flag]) => flag.length)) + 2;
  return [
    translate(locale, msg('cli.usage.general')),
    translate(locale, msg('cli.usage.commands')),
    ...cliCommandNames.map((name) => `  ${name.padEnd(width)}${translate(locale, HELP[name].summary)}`),
    ...global.map(([flag, meaning]) => `  ${flag.padEnd(width)}${translate(locale, meaning)}`),
    translate(locale, msg('cli.usage.more')),
    translate(locale, msg('cli.usage.exitCodes')),
  ].join('\n');
}
