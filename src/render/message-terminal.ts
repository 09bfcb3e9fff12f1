import type { CheckStatus } from '../checks/check.js';
import type { ChatMessage, MessageButton, MessageLine } from './message-model.js';
import { toPlainText } from './slack-text.js';
import { paintStatus } from './status-colour.js';

const MARKER: Record<CheckStatus, string> = { ok: '✔', warn: '!', unknown: '?', fail: '✖' };

/** A message as terminal text, and its buttons in the order of their numbers (1-based). */
export interface TerminalMessage {
  text: string;
  buttons: MessageButton[];
}

/** Terminal rendering options. */
export interface MessageTerminalOptions {
  /** ANSI colours for a TTY. Default false. */
  colour?: boolean;
}

/**
 * Renders a message for a terminal: title, summary, sections, then every button numbered
 * `[1] label` so the console can press it by its number. Slack's `*bold*` is dropped.
 */
export function renderMessageText(
  message: ChatMessage,
  options: MessageTerminalOptions = {},
): TerminalMessage {
  const paint = (status: CheckStatus | undefined, text: string) =>
    status ? paintStatus(status, text, Boolean(options.colour)) : text;
  const buttons: MessageButton[] = [];
  const label = (button: MessageButton) => {
    buttons.push(button);
    return `[${buttons.length}] ${plain(button.label)}`;
  };
  const out: string[] = [];
  const marker = message.status ? `${paint(message.status, MARKER[message.status])} ` : '';
  out.push(`${marker}${plain(message.title)}`);
  if (message.summary) out.push(plain(message.summary));
  for (const section of message.sections) {
    out.push('');
    if (section.heading) out.push(`— ${plain(section.heading)}`);
    for (const line of section.lines) {
      out.push(lineText(line, paint));
      if (line.buttons && line.buttons.length > 0) out.push(`    ${line.buttons.map(label).join('   ')}`);
    }
  }
  if (message.buttons && message.buttons.length > 0) out.push('', message.buttons.map(label).join('   '));
  if (message.context && message.context.length > 0) out.push('', message.context.map(plain).join(' · '));
  return { text: `${out.join('\n')}\n`, buttons };
}

function lineText(
  line: MessageLine,
  paint: (status: CheckStatus | undefined, text: string) => string,
): string {
  const marker = line.status ? paint(line.status, MARKER[line.status]) : '•';
  return `  ${marker} ${plain(line.text)}`;
}

/** Drops Slack's bold markers and control characters; backquotes read fine in a terminal; mentions read `@U…`. */
function plain(text: string): string {
  return toPlainText(text).replace(/\*([^*\n]+)\*/g, '$1');
}
