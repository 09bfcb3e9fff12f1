import { blockHeadingText, blockLineText } from './block-kit.js';
import type { ChatMessage, MessageLine, MessageSection } from './message-model.js';
import { slackLimits } from './message-model.js';
import { textPieces } from './slack-text.js';

/** What the caller says in the reader's language: each reply's title, and a continued section's heading. */
export interface ThreadReplyOptions {
  /** Title of reply `index` (1-based) of `total`, e.g. "Rapport quotidien — détails (1/2)". */
  title(index: number, total: number): string;
  /** Heading of a section that continues from the previous reply, e.g. "Disque (suite)". */
  continued(heading: string): string;
}

/** Header block of every reply: the rest of Slack's 50 blocks carry the sections. */
const CHUNKS_PER_REPLY = slackLimits.blocksPerMessage - 1;
/** Headings are titles, never data: one longer than this is shortened. */
const HEADING_MAX = 300;

/**
 * Packs sections into as few thread replies as Slack takes, cutting nothing: every line is in
 * exactly one reply, a section too big for one reply continues in the next under its heading
 * "(suite)", and a line longer than a section's text is split into consecutive lines. Each reply
 * renders with `renderBlockKit` to one header plus one section block per chunk (at most 3,000
 * characters, measured as the renderer writes them), so no overflow notice is ever needed.
 * Detail lines are read-only: their buttons are dropped.
 */
export function packThreadReplies(
  sections: readonly MessageSection[],
  options: ThreadReplyOptions,
): ChatMessage[] {
  const chunks = sections.flatMap((section) => sectionChunks(section, options));
  const replies: MessageSection[][] = [];
  for (let start = 0; start < chunks.length; start += CHUNKS_PER_REPLY) {
    replies.push(
      chunks.slice(start, start + CHUNKS_PER_REPLY).map((chunk, index) =>
        // A reply that opens in the middle of a section says which section it is.
        index === 0 && chunk.continues !== undefined
          ? { heading: chunk.continues, lines: chunk.lines }
          : { ...(chunk.heading !== undefined ? { heading: chunk.heading } : {}), lines: chunk.lines },
      ),
    );
  }
  return replies.map((replySections, index) => ({
    title: options.title(index + 1, replies.length),
    sections: replySections,
  }));
}

/** Lines that render as one section block; `continues` is its heading when it opens a reply. */
interface Chunk {
  heading?: string;
  continues?: string;
  lines: MessageLine[];
}

/** A section's lines grouped so that each group, with either heading, fits one section text. */
function sectionChunks(section: MessageSection, options: ThreadReplyOptions): Chunk[] {
  const heading = section.heading === undefined ? undefined : shorten(section.heading, HEADING_MAX);
  const continues = heading === undefined ? undefined : options.continued(heading);
  // Room for the longer heading, so that any chunk may open a reply: "+ 1" is the newline.
  const room =
    slackLimits.sectionText -
    Math.max(
      heading === undefined ? 0 : blockHeadingText(heading).length + 1,
      continues === undefined ? 0 : blockHeadingText(continues).length + 1,
    );
  const lineMax = Math.min(slackLimits.lineText, room);
  const chunks: Chunk[] = [];
  let lines: MessageLine[] = [];
  let length = 0;
  const flush = () => {
    const first = chunks.length === 0;
    chunks.push({
      ...(first && heading !== undefined ? { heading } : {}),
      ...(!first && continues !== undefined ? { continues } : {}),
      lines,
    });
    lines = [];
    length = 0;
  };
  for (const line of section.lines.flatMap((whole) => splitLine(whole, lineMax))) {
    const width = blockLineText(line).length;
    if (lines.length > 0 && length + 1 + width > room) flush();
    length += lines.length > 0 ? 1 + width : width;
    lines.push(line);
  }
  if (lines.length > 0 || (chunks.length === 0 && heading !== undefined)) flush();
  return chunks;
}

/**
 * A line whose rendered text exceeds `max`, as consecutive lines each within it (measured after
 * mrkdwn escaping); the first keeps the status marker. Splits between code points, never inside a mention.
 */
export function splitLine(line: MessageLine, max: number): MessageLine[] {
  const plain = { text: line.text, ...(line.status ? { status: line.status } : {}) };
  if (blockLineText(plain).length <= max) return [plain];
  const pieces: MessageLine[] = [];
  let text = '';
  let length = line.status ? blockLineText({ text: '', status: line.status }).length : 0;
  for (const { piece: character, width } of textPieces(line.text)) {
    if (text.length > 0 && length + width > max) {
      pieces.push(pieces.length === 0 && line.status ? { text, status: line.status } : { text });
      text = '';
      length = 0;
    }
    text += character;
    length += width;
  }
  if (text.length > 0)
    pieces.push(pieces.length === 0 && line.status ? { text, status: line.status } : { text });
  return pieces;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
