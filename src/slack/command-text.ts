/**
 * Slash-command text as Slack sends it becomes plain text here, once: manifest.yml sets
 * `should_escape: true`, so Slack sends a picked person as `<@U024BE7LH|jean>`, a channel as
 * `<#C0…|samaconso-prod>`, a link as `<https://…|label>` or `<mailto:…|label>`, and `&`, `<`, `>`
 * typed by the user as `&amp;`, `&lt;`, `&gt;` (https://docs.slack.dev/interactivity/implementing-slash-commands/,
 * https://docs.slack.dev/messaging/formatting-message-text/). What the handlers read:
 * - a person: `@U024BE7LH` (the id: what `oncall override` needs; shown as text, never as a mention);
 * - a channel: `#samaconso-prod` (its name, or its id when Slack sent none);
 * - a link: its label, or its address (`mailto:` dropped);
 * - `@here`, `@channel`, `@everyone`, a user group's `@name`: words, never notifications;
 * - `&`, `<`, `>` as typed.
 * Everything the bot shows is escaped again on the way out (src/render/slack-text.ts).
 */

const SEQUENCE = /<([^<>]*)>/g;
const USER = /^@([UW][A-Z0-9]{2,30})(?:\|.*)?$/s;
const CHANNEL = /^#([CGD][A-Z0-9]{2,30})(?:\|(.*))?$/s;
const SPECIAL = /^!([a-z]+)(?:\^([^|]*))?(?:\|(.*))?$/s;

/** Slack's escaped command text as plain text (see the file comment). */
export function unescapeCommandText(text: string): string {
  return text
    .replace(SEQUENCE, (_whole, inner: string) => plainSequence(inner))
    .replace(/&(lt|gt|amp);/g, entity);
}

function plainSequence(inner: string): string {
  const user = USER.exec(inner);
  if (user) return `@${user[1]}`;
  const channel = CHANNEL.exec(inner);
  if (channel) return `#${channel[2] || channel[1]}`;
  const special = SPECIAL.exec(inner);
  if (special) {
    const [, command, id, label] = special;
    if (command === 'date') return label ?? '';
    if (label) return label.startsWith('@') ? label : `@${label}`;
    return `@${command === 'subteam' ? (id ?? command) : command}`;
  }
  const [address = '', label] = inner.split('|', 2);
  return label || address.replace(/^mailto:/, '');
}

function entity(_whole: string, name: string): string {
  return name === 'lt' ? '<' : name === 'gt' ? '>' : '&';
}
