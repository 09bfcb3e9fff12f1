import type { types } from '@slack/bolt';
import type { CheckStatus } from '../checks/check.js';
import type { ChatMessage, MessageButton, MessageLine } from './message-model.js';
import { slackLimits } from './message-model.js';

type Block = types.KnownBlock;

/** What chat.postMessage / chat.update / response_url take: blocks plus the notification text. */
export interface BlockKitMessage {
  /** Fallback for notifications and screen readers: the title and summary. */
  text: string;
  blocks: Block[];
}

/** Rendering options: the caller supplies the overflow notice in the reader's language. */
export interface BlockKitOptions {
  /** Notice replacing lines that do not fit in one message, e.g. "… 12 lines not shown". */
  moreLines: (count: number) => string;
}

/** Status markers; emoji names render in every Slack client and keep the text copyable. */
const MARKER: Record<CheckStatus, string> = {
  ok: ':large_green_circle:',
  warn: ':large_yellow_circle:',
  unknown: ':white_circle:',
  fail: ':red_circle:',
};

/** A body block and how many report lines it carries, so an overflow notice can count them. */
interface BodyBlock {
  block: Block;
  lines: number;
}

/**
 * Renders a message to Block Kit within Slack's limits: section texts are split at 3,000
 * characters, and when the body would exceed 50 blocks its tail becomes one notice. A long
 * report is therefore shortened, never rejected by Slack (`invalid_blocks`).
 */
export function renderBlockKit(message: ChatMessage, options: BlockKitOptions): BlockKitMessage {
  const head: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: cut(headerText(message), slackLimits.headerText), emoji: true },
    },
  ];
  if (message.summary) head.push(mrkdwnSection(message.summary));

  const tail: Block[] = [];
  for (const group of chunk(message.buttons ?? [], slackLimits.elementsPerActions)) {
    tail.push({ type: 'actions', elements: group.map(buttonElement) });
  }
  if (message.context && message.context.length > 0) {
    tail.push({
      type: 'context',
      elements: message.context
        .slice(0, slackLimits.elementsPerContext)
        .map((text) => ({ type: 'mrkdwn' as const, text: cut(escapeMrkdwn(text), slackLimits.sectionText) })),
    });
  }

  const body = message.sections.flatMap((section) => sectionBlocks(section.heading, section.lines));
  const budget = slackLimits.blocksPerMessage - head.length - tail.length;
  let kept = body;
  if (body.length > budget) {
    kept = body.slice(0, Math.max(0, budget - 1));
    const hidden = body.slice(kept.length).reduce((sum, part) => sum + part.lines, 0);
    const notice = [options.moreLines(hidden), message.overflowNote].filter(Boolean).join(' ');
    kept.push({
      block: { type: 'context', elements: [{ type: 'mrkdwn', text: cut(notice, slackLimits.sectionText) }] },
      lines: 0,
    });
  }
  const text = cut(
    [headerText(message), message.summary].filter(Boolean).join('\n'),
    slackLimits.fallbackText,
  );
  return { text, blocks: [...head, ...kept.map((part) => part.block), ...tail] };
}

function headerText(message: ChatMessage): string {
  return message.status ? `${MARKER[message.status]} ${message.title}` : message.title;
}

/**
 * Lines without buttons are packed into as few sections as fit in 3,000 characters; a line
 * with buttons gets its own section, with its button as accessory (or an actions block).
 */
function sectionBlocks(heading: string | undefined, lines: readonly MessageLine[]): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let texts: string[] = heading ? [blockHeadingText(heading)] : [];
  let count = 0;
  const flush = () => {
    if (texts.length > 0) blocks.push({ block: mrkdwnSection(texts.join('\n')), lines: count });
    texts = [];
    count = 0;
  };
  for (const line of lines) {
    const text = cut(blockLineText(line), slackLimits.lineText);
    if (line.buttons && line.buttons.length > 0) {
      texts.push(text);
      count += 1;
      const [only, ...others] = line.buttons;
      const section = mrkdwnSection(texts.join('\n'));
      if (only && others.length === 0 && section.type === 'section') section.accessory = buttonElement(only);
      blocks.push({ block: section, lines: count });
      texts = [];
      count = 0;
      if (others.length > 0) {
        for (const group of chunk(line.buttons, slackLimits.elementsPerActions)) {
          blocks.push({ block: { type: 'actions', elements: group.map(buttonElement) }, lines: 0 });
        }
      }
      continue;
    }
    const length = texts.reduce((sum, t) => sum + t.length + 1, 0);
    if (length + text.length > slackLimits.sectionText) flush();
    texts.push(text);
    count += 1;
  }
  flush();
  return blocks;
}

/** A line as it appears in a section's mrkdwn (marker, escaped text): what the packers measure. */
export function blockLineText(line: Pick<MessageLine, 'text' | 'status'>): string {
  const text = escapeMrkdwn(line.text);
  return line.status ? `${MARKER[line.status]} ${text}` : text;
}

/** A section heading as it appears in its mrkdwn. */
export function blockHeadingText(heading: string): string {
  return `*${escapeMrkdwn(heading)}*`;
}

function mrkdwnSection(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: cut(text, slackLimits.sectionText) } };
}

function buttonElement(button: MessageButton): types.Button {
  if (button.actionId.length > slackLimits.actionId || button.value.length > slackLimits.buttonValue) {
    // A programming error, not user input: values are ids by design (see MessageButton).
    throw new RangeError(`button ${button.actionId.slice(0, 40)} exceeds Slack's action_id or value limit`);
  }
  return {
    type: 'button',
    action_id: button.actionId,
    value: button.value,
    text: { type: 'plain_text', text: cut(button.label, slackLimits.buttonText), emoji: true },
    ...(button.style ? { style: button.style } : {}),
  };
}

/** Slack's mrkdwn needs only these three escaped; `*` and backquotes stay meaningful. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let index = 0; index < items.length; index += size) groups.push(items.slice(index, index + size));
  return groups;
}
