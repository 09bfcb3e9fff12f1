import { randomBytes } from 'node:crypto';
import { withoutUnsafeCharacters } from './unsafe-characters.js';

/**
 * The one place where text becomes what Slack reads. Every string of a message (titles, summaries,
 * lines, alert summaries, query excerpts, container output) is plain text until it is rendered
 * here: `<`, `>` and `&` are escaped, control characters dropped, so `<!channel>`, `<@U…>` or a
 * link that came from a user, an alert, a server or a database is shown, never acted on.
 * The only live mentions are those the bot builds with `slackMention` / `slackChannelLink`: they
 * are tokens that carry a key drawn when the process starts, which no outside text can know.
 * Rules: https://docs.slack.dev/messaging/formatting-message-text/ ("Escaping text": `&`, `<`,
 * `>` and only those; mentions `<@U…>`, channel links `<#C…>`).
 */

/** Unicode noncharacters around a token: reserved for a process's internal use, never printed. */
const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
/** Drawn once per process: a token with another key is text like any other. */
const KEY = randomBytes(6).toString('hex');
const TOKEN = /\uFDD0([0-9a-f]{12})([@#])([A-Z0-9]{2,30})\uFDD1/g;
const USER_ID = /^[UW][A-Z0-9]{2,30}$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,30}$/;

/** A live Slack mention of a person (`<@U…>` once rendered); anything that is not a user id (`samaops`) stays text. */
export function slackMention(userId: string): string {
  return USER_ID.test(userId) ? `${OPEN}${KEY}@${userId}${CLOSE}` : userId;
}

/** A live link to a conversation (`<#C…>` once rendered); anything that is not a channel id stays text. */
export function slackChannelLink(channelId: string): string {
  return CHANNEL_ID.test(channelId) ? `${OPEN}${KEY}#${channelId}${CLOSE}` : channelId;
}

/** One piece of model text: characters as written (one or a run), or a reference the bot built. */
type Unit = { kind: 'char'; text: string } | { kind: 'user'; id: string } | { kind: 'channel'; id: string };

/**
 * The text as units: runs of characters between bot-built references (`perCodePoint`: one unit per
 * code point, for cutting), each reference whole.
 */
function units(text: string, perCodePoint = false): Unit[] {
  const out: Unit[] = [];
  let at = 0;
  const pushChars = (chars: string) => {
    if (!perCodePoint) {
      if (chars) out.push({ kind: 'char', text: chars });
      return;
    }
    for (const char of chars) out.push({ kind: 'char', text: char });
  };
  if (!text.includes(OPEN)) {
    pushChars(text);
    return out;
  }
  for (const match of text.matchAll(TOKEN)) {
    pushChars(text.slice(at, match.index));
    const [whole, key, sigil, id] = match as unknown as [string, string, string, string];
    if (key === KEY) out.push(sigil === '@' ? { kind: 'user', id } : { kind: 'channel', id });
    else pushChars(whole);
    at = (match.index ?? 0) + whole.length;
  }
  pushChars(text.slice(at));
  return out;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function asMrkdwn(unit: Unit): string {
  if (unit.kind === 'user') return `<@${unit.id}>`;
  if (unit.kind === 'channel') return `<#${unit.id}>`;
  return withoutUnsafeCharacters(unit.text).replace(/[&<>]/g, (char) => ESCAPES[char] ?? char);
}

function asPlain(unit: Unit): string {
  if (unit.kind === 'user') return `@${unit.id}`;
  if (unit.kind === 'channel') return `#${unit.id}`;
  return withoutUnsafeCharacters(unit.text);
}

/**
 * `text` rendered unit by unit, cut with `…` to at most `max` characters: whole when it fits,
 * otherwise code point by code point, never splitting an entity (`&amp;`) or a mention.
 */
function renderWithin(text: string, render: (unit: Unit) => string, max: number): string {
  const whole = units(text).map(render).join('');
  if (whole.length <= max) return whole;
  let out = '';
  for (const piece of units(text, true).map(render)) {
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/**
 * Model text as Slack mrkdwn: `&`, `<`, `>` escaped, control characters dropped, bot-built
 * mentions live. `max` (default none) cuts it with `…`, never inside `&amp;` or a mention.
 */
export function toMrkdwn(text: string, max = Number.POSITIVE_INFINITY): string {
  return renderWithin(text, asMrkdwn, max);
}

/** Model text for a `plain_text` field or a terminal: mentions as `@U…` / `#C…`, control characters dropped. */
export function toPlainText(text: string, max = Number.POSITIVE_INFINITY): string {
  return renderWithin(text, asPlain, max);
}

/**
 * Model text in pieces that may be cut apart, each with its width once rendered as mrkdwn: code
 * points, with each bot-built mention whole (what line splitting iterates over, so that a split
 * never breaks a mention or an entity, and measures in one pass).
 */
export function textPieces(text: string): { piece: string; width: number }[] {
  return units(text, true).map((unit) => ({
    piece:
      unit.kind === 'char'
        ? unit.text
        : unit.kind === 'user'
          ? slackMention(unit.id)
          : slackChannelLink(unit.id),
    width: asMrkdwn(unit).length,
  }));
}
