/**
 * Block Kit as Slack's API checks it, for the Slack double: what it refuses with `invalid_blocks`,
 * each problem worded as Slack words it (`<reason> [json-pointer:/blocks/1/text/text]`).
 * The rules come from Slack's reference pages:
 * - message: at most 50 blocks; `block_id` at most 255 characters, unique in the message
 *   (https://docs.slack.dev/reference/block-kit/blocks);
 * - section: text 1–3000, or fields (at most 10, each at most 2000), optional accessory
 *   (https://docs.slack.dev/reference/block-kit/blocks/section-block);
 * - header: `plain_text` only, at most 150 (https://docs.slack.dev/reference/block-kit/blocks/header-block);
 * - actions: 1–25 elements (https://docs.slack.dev/reference/block-kit/blocks/actions-block);
 * - context: 1–10 image or text elements (https://docs.slack.dev/reference/block-kit/blocks/context-block);
 * - button: `plain_text` 1–75, `action_id` at most 255 and unique in its block, value at most 2000,
 *   url at most 3000, style primary|danger (https://docs.slack.dev/reference/block-kit/block-elements/button-element);
 * - confirm: title (`plain_text`, 100), text (300), confirm and deny (`plain_text`, 30)
 *   (https://docs.slack.dev/reference/block-kit/composition-objects/confirmation-dialog-object).
 * Properties a type does not define are refused. Block and element types samaops never sends
 * (image, input, rich_text…) are refused too, saying the double does not model them.
 */

type Json = Record<string, unknown>;

/** One text of a message that Slack reads as mrkdwn, and where it is. */
export interface MrkdwnText {
  pointer: string;
  text: string;
}

/** What checking a message's blocks found. */
export interface BlockCheck {
  problems: string[];
  /** Texts Slack parses for mentions and links (mrkdwn text objects). */
  mrkdwn: MrkdwnText[];
}

const BLOCK_FIELDS: Record<string, readonly string[]> = {
  section: ['type', 'block_id', 'text', 'fields', 'accessory', 'expand'],
  header: ['type', 'block_id', 'text'],
  actions: ['type', 'block_id', 'elements'],
  context: ['type', 'block_id', 'elements'],
  divider: ['type', 'block_id'],
};
const BUTTON_FIELDS = [
  'type',
  'text',
  'action_id',
  'url',
  'value',
  'style',
  'confirm',
  'accessibility_label',
];
const CONFIRM_FIELDS = ['title', 'text', 'confirm', 'deny', 'style'];
const STYLES = ['primary', 'danger'];

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks `blocks` (already decoded from JSON) as chat.postMessage, chat.update and response_url do. */
export function checkBlocks(blocks: unknown): BlockCheck {
  const check = new Checker();
  if (!Array.isArray(blocks)) {
    check.problem('/blocks', 'must be an array');
    return check.result();
  }
  if (blocks.length > 50) check.problem('/blocks', 'no more than 50 items allowed');
  const blockIds = new Set<string>();
  for (const [index, block] of blocks.entries()) check.block(block, `/blocks/${index}`, blockIds);
  return check.result();
}

class Checker {
  private readonly problems: string[] = [];
  private readonly mrkdwn: MrkdwnText[] = [];

  result(): BlockCheck {
    return { problems: this.problems, mrkdwn: this.mrkdwn };
  }

  problem(pointer: string, reason: string): void {
    this.problems.push(`${reason} [json-pointer:${pointer}]`);
  }

  block(block: unknown, at: string, blockIds: Set<string>) {
    if (!isObject(block)) return this.problem(at, 'must be an object');
    const fields = typeof block.type === 'string' ? BLOCK_FIELDS[block.type] : undefined;
    if (!fields)
      return this.problem(
        `${at}/type`,
        `unsupported block type "${String(block.type)}" (not modelled by the double)`,
      );
    this.onlyFields(block, fields, at);
    this.blockId(block, at, blockIds);
    switch (block.type) {
      case 'section':
        return this.section(block, at);
      case 'header':
        return this.text(block.text, `${at}/text`, { max: 150, plainOnly: true });
      case 'actions':
        return this.actions(block, at);
      case 'context':
        return this.context(block, at);
    }
  }

  private section(block: Json, at: string) {
    if (block.text === undefined && block.fields === undefined)
      return this.problem(at, 'must provide either text or fields');
    if (block.text !== undefined) this.text(block.text, `${at}/text`, { max: 3000 });
    if (block.fields !== undefined) {
      if (!Array.isArray(block.fields)) return this.problem(`${at}/fields`, 'must be an array');
      if (block.fields.length > 10) this.problem(`${at}/fields`, 'no more than 10 items allowed');
      for (const [index, field] of block.fields.entries())
        this.text(field, `${at}/fields/${index}`, { max: 2000 });
    }
    if (block.accessory !== undefined) this.element(block.accessory, `${at}/accessory`, new Set());
  }

  private actions(block: Json, at: string) {
    const elements = block.elements;
    if (!Array.isArray(elements) || elements.length === 0)
      return this.problem(`${at}/elements`, 'must provide at least 1 item');
    if (elements.length > 25) this.problem(`${at}/elements`, 'no more than 25 items allowed');
    const actionIds = new Set<string>();
    for (const [index, element] of elements.entries())
      this.element(element, `${at}/elements/${index}`, actionIds);
  }

  private context(block: Json, at: string) {
    const elements = block.elements;
    if (!Array.isArray(elements) || elements.length === 0)
      return this.problem(`${at}/elements`, 'must provide at least 1 item');
    if (elements.length > 10) this.problem(`${at}/elements`, 'no more than 10 items allowed');
    elements.forEach((element, index) => {
      const where = `${at}/elements/${index}`;
      if (isObject(element) && element.type === 'image') {
        this.onlyFields(element, ['type', 'image_url', 'alt_text', 'slack_file'], where);
        if (typeof element.alt_text !== 'string') this.problem(`${where}/alt_text`, 'must be a string');
      } else this.text(element, where, { max: 3000 });
    });
  }

  /** An interactive element: only buttons are modelled (the bot sends no other). */
  private element(element: unknown, at: string, actionIds: Set<string>) {
    if (!isObject(element)) return this.problem(at, 'must be an object');
    if (element.type !== 'button')
      return this.problem(
        `${at}/type`,
        `unsupported element type "${String(element.type)}" (not modelled by the double)`,
      );
    this.onlyFields(element, BUTTON_FIELDS, at);
    this.text(element.text, `${at}/text`, { max: 75, plainOnly: true });
    if (element.action_id !== undefined) {
      const id = element.action_id;
      if (!this.string(id, `${at}/action_id`, 1, 255)) return;
      if (actionIds.has(id as string))
        this.problem(`${at}/action_id`, `duplicate action_id "${id as string}" in the block`);
      actionIds.add(id as string);
    }
    if (element.value !== undefined) this.string(element.value, `${at}/value`, 0, 2000);
    if (element.url !== undefined) this.string(element.url, `${at}/url`, 1, 3000);
    if (element.accessibility_label !== undefined)
      this.string(element.accessibility_label, `${at}/accessibility_label`, 1, 75);
    if (element.style !== undefined && !STYLES.includes(element.style as string))
      this.problem(`${at}/style`, 'must be a valid enum value');
    if (element.confirm !== undefined) this.confirm(element.confirm, `${at}/confirm`);
  }

  private confirm(confirm: unknown, at: string) {
    if (!isObject(confirm)) return this.problem(at, 'must be an object');
    this.onlyFields(confirm, CONFIRM_FIELDS, at);
    this.text(confirm.title, `${at}/title`, { max: 100, plainOnly: true });
    this.text(confirm.text, `${at}/text`, { max: 300 });
    this.text(confirm.confirm, `${at}/confirm`, { max: 30, plainOnly: true });
    this.text(confirm.deny, `${at}/deny`, { max: 30, plainOnly: true });
    if (confirm.style !== undefined && !STYLES.includes(confirm.style as string))
      this.problem(`${at}/style`, 'must be a valid enum value');
  }

  /** A text object: `plain_text` (emoji) or `mrkdwn` (verbatim), its text 1..max characters. */
  private text(text: unknown, at: string, rule: { max: number; plainOnly?: boolean }) {
    if (!isObject(text)) return this.problem(at, 'must be a text object');
    const allowed = rule.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
    if (!allowed.includes(text.type as string))
      return this.problem(`${at}/type`, 'must be a valid enum value');
    this.onlyFields(
      text,
      text.type === 'mrkdwn' ? ['type', 'text', 'verbatim'] : ['type', 'text', 'emoji'],
      at,
    );
    if (this.string(text.text, `${at}/text`, 1, rule.max) && text.type === 'mrkdwn')
      this.mrkdwn.push({ pointer: `${at}/text`, text: text.text as string });
  }

  private string(value: unknown, at: string, min: number, max: number): boolean {
    if (typeof value !== 'string') {
      this.problem(at, 'must be a string');
      return false;
    }
    if (value.length < min) this.problem(at, `must be more than ${min - 1} characters`);
    if (value.length > max) this.problem(at, `must be less than ${max + 1} characters`);
    return value.length >= min && value.length <= max;
  }

  private blockId(block: Json, at: string, blockIds: Set<string>) {
    if (block.block_id === undefined) return;
    if (!this.string(block.block_id, `${at}/block_id`, 1, 255)) return;
    const id = block.block_id as string;
    if (blockIds.has(id)) this.problem(`${at}/block_id`, `duplicate block_id "${id}" in the message`);
    blockIds.add(id);
  }

  private onlyFields(object: Json, allowed: readonly string[], at: string) {
    for (const key of Object.keys(object))
      if (!allowed.includes(key)) this.problem(`${at}/${key}`, `invalid additional property: ${key}`);
  }
}
