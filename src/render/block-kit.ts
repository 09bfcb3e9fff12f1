import type { types } from '@slack/bolt';
import type { CheckStatus } from '../checks/check.js';
import { suffixedActionId } from './action-id.js';
import type { ButtonConfirm, ChatMessage, MessageButton, MessageLine } from './message-model.js';
import { slackLimits } from './message-model.js';
import { toMrkdwn, toPlainText } from './slack-text.js';

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
 * report is therefore shortened, never rejected by Slack (`invalid_blocks`). Every text goes
 * through `toMrkdwn` / `toPlainText` (slack-text.ts): what came from outside is inert.
 */
export function renderBlockKit(message: ChatMessage, options: BlockKitOptions): BlockKitMessage {
  const head: Block[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: nonEmpty(toPlainText(headerText(message), slackLimits.headerText), 'samaops'),
        emoji: true,
      },
    },
  ];
  if (message.summary) head.push(mrkdwnSection(toMrkdwn(message.summary, slackLimits.sectionText)));

  const tail: Block[] = [];
  for (const group of chunk(message.buttons ?? [], slackLimits.elementsPerActions)) {
    tail.push(actionsBlock(group));
  }
  const context = (message.context ?? [])
    .map((text) => toMrkdwn(text, slackLimits.sectionText))
    .filter((text) => text.length > 0)
    .slice(0, slackLimits.elementsPerContext);
  if (context.length > 0) {
    tail.push({ type: 'context', elements: context.map((text) => ({ type: 'mrkdwn' as const, text })) });
  }

  const body = message.sections.flatMap((section) => sectionBlocks(section.heading, section.lines));
  const budget = slackLimits.blocksPerMessage - head.length - tail.length;
  let kept = body;
  if (body.length > budget) {
    kept = body.slice(0, Math.max(0, budget - 1));
    const hidden = body.slice(kept.length).reduce((sum, part) => sum + part.lines, 0);
    const notice = [options.moreLines(hidden), message.overflowNote].filter(Boolean).join(' ');
    kept.push({
      block: {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: nonEmpty(toMrkdwn(notice, slackLimits.sectionText), '…') }],
      },
      lines: 0,
    });
  }
  const text = nonEmpty(
    toMrkdwn([headerText(message), message.summary].filter(Boolean).join('\n'), slackLimits.fallbackText),
    'samaops',
  );
  return { text, blocks: [...head, ...kept.map((part) => part.block), ...tail] };
}

function headerText(message: ChatMessage): string {
  return message.status ? `${MARKER[message.status]} ${message.title}` : message.title;
}

/**
 * Lines are packed into as few sections as fit in 3,000 characters; a line with buttons ends its
 * section, with its button as accessory (or an actions block after it).
 */
function sectionBlocks(heading: string | undefined, lines: readonly MessageLine[]): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  const headingText = heading === undefined ? '' : blockHeadingText(heading);
  let texts: string[] = headingText ? [headingText] : [];
  let count = 0;
  const flush = (accessory?: MessageButton) => {
    if (texts.length === 0) return;
    const section = mrkdwnSection(texts.join('\n'));
    if (accessory && section.type === 'section')
      section.accessory = buttonElement(accessory, accessory.actionId);
    blocks.push({ block: section, lines: count });
    texts = [];
    count = 0;
  };
  for (const line of lines) {
    const text = blockLineText(line, slackLimits.lineText);
    const length = texts.reduce((sum, t) => sum + t.length + 1, 0);
    if (texts.length > 0 && length + text.length > slackLimits.sectionText) flush();
    texts.push(text);
    count += 1;
    const buttons = line.buttons ?? [];
    if (buttons.length === 0) continue;
    flush(buttons.length === 1 ? buttons[0] : undefined);
    if (buttons.length > 1) {
      for (const group of chunk(buttons, slackLimits.elementsPerActions)) {
        blocks.push({ block: actionsBlock(group), lines: 0 });
      }
    }
  }
  flush();
  return blocks;
}

/** A line as it appears in a section's mrkdwn (marker, escaped text): what the packers measure. */
export function blockLineText(line: Pick<MessageLine, 'text' | 'status'>, max?: number): string {
  const marker = line.status ? `${MARKER[line.status]} ` : '';
  const text = toMrkdwn(line.text, max === undefined ? undefined : max - marker.length);
  return line.status ? `${marker}${text}` : nonEmpty(text, '—');
}

/** A section heading as it appears in its mrkdwn (empty when nothing printable is left). */
export function blockHeadingText(heading: string): string {
  const text = toMrkdwn(heading, slackLimits.lineText);
  return text.trim() === '' ? '' : `*${text}*`;
}

function mrkdwnSection(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: nonEmpty(text, '—') } };
}

/** One actions block; buttons that share an action id get a suffix each (Slack wants them unique in a block). */
function actionsBlock(buttons: readonly MessageButton[]): Block {
  const seen = new Map<string, number>();
  return {
    type: 'actions',
    elements: buttons.map((button) => {
      const uses = (seen.get(button.actionId) ?? 0) + 1;
      seen.set(button.actionId, uses);
      return buttonElement(button, uses === 1 ? button.actionId : suffixedActionId(button.actionId, uses));
    }),
  };
}

function buttonElement(button: MessageButton, actionId: string): types.Button {
  if (actionId.length > slackLimits.actionId || button.value.length > slackLimits.buttonValue) {
    // A programming error, not user input: values are ids by design (see MessageButton).
    throw new RangeError(`button ${actionId.slice(0, 40)} exceeds Slack's action_id or value limit`);
  }
  return {
    type: 'button',
    action_id: actionId,
    value: button.value,
    text: plainText(button.label, slackLimits.buttonText),
    ...(button.style ? { style: button.style } : {}),
    ...(button.confirm ? { confirm: confirmDialog(button.confirm) } : {}),
  };
}

/** Slack's confirmation dialog object, every part plain text within its limit. */
function confirmDialog(confirm: ButtonConfirm): types.ConfirmationDialog {
  return {
    title: plainText(confirm.title, slackLimits.confirmTitle),
    text: plainText(confirm.text, slackLimits.confirmText),
    confirm: plainText(confirm.confirm, slackLimits.confirmButton),
    deny: plainText(confirm.deny, slackLimits.confirmButton),
    style: 'danger',
  };
}

function plainText(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: nonEmpty(toPlainText(text, max), '…'), emoji: true };
}

/** Slack refuses an empty text (`must be more than 0 characters`). */
function nonEmpty(text: string, fallback: string): string {
  return text.trim() === '' ? fallback : text;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let index = 0; index < items.length; index += size) groups.push(items.slice(index, index + size));
  return groups;
}
