import { describe, expect, it } from 'vitest';
import type { CheckStatus } from '../../src/checks/check.js';
import { msg } from '../../src/i18n/message.js';
import { type BlockKitMessage, renderBlockKit } from '../../src/render/block-kit.js';
import { slackLimits } from '../../src/render/message-model.js';
import { renderMessageText } from '../../src/render/message-terminal.js';
import { reportMessage } from '../../src/reports/report-message.js';
import type { Report, ReportSection } from '../../src/reports/report-model.js';
import { reportThread } from '../../src/reports/report-thread.js';

/** Splitting a report into its main message and thread replies: nothing lost, Slack's limits kept. */

const options = { locale: 'fr', platform: 'SamaConso', timezone: 'Africa/Dakar' } as const;
const HIDDEN = 'HIDDEN-LINES';
const render = (message: Parameters<typeof renderBlockKit>[0]) =>
  renderBlockKit(message, { moreLines: (count) => `${HIDDEN} ${count}` });

/** A token per line, bracketed so that no token is a substring of another. */
const token = (section: number, line: number) => `[L${section}-${line}]`;

function section(
  index: number,
  lines: number,
  textLength: number,
  status: CheckStatus = 'ok',
): ReportSection {
  return {
    id: `s${index}`,
    title: msg('report.section.disk'),
    status,
    lines: Array.from({ length: lines }, (_, line) => ({
      label: token(index, line),
      status,
      text: msg('report.unreachable', { reason: 'x'.repeat(textLength) }),
    })),
  };
}

function report(sections: ReportSection[]): Report {
  return { kind: 'daily', createdAt: '2026-11-02T06:00:00.000Z', durationMs: 120, status: 'ok', sections };
}

/** Every text of a rendered message, with its block type. */
function blockTexts(message: BlockKitMessage): { type: string; text: string }[] {
  return message.blocks.flatMap((block) => {
    if (block.type === 'header' || block.type === 'section')
      return block.text ? [{ type: block.type, text: block.text.text }] : [];
    if (block.type === 'context')
      return block.elements.flatMap((element) =>
        'text' in element ? [{ type: 'context', text: element.text }] : [],
      );
    return [];
  });
}

function expectWithinLimits(message: BlockKitMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
  for (const { type, text } of blockTexts(message))
    expect(text.length).toBeLessThanOrEqual(
      type === 'header' ? slackLimits.headerText : slackLimits.sectionText,
    );
}

/** How many times each line token appears in `text`, in order of appearance. */
function tokenCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [found] of text.matchAll(/\[L\d+-\d+\]/g)) counts.set(found, (counts.get(found) ?? 0) + 1);
  return counts;
}

describe('reportThread packing', () => {
  const cases: {
    name: string;
    sections: ReportSection[];
    replies: number;
  }[] = [
    { name: 'no section: no reply', sections: [], replies: 0 },
    { name: 'a few small sections: one reply', sections: [section(0, 3, 20), section(1, 1, 20)], replies: 1 },
    // 2,000 lines of ~150 characters: ~300,000 characters, ~110 section blocks of 49 a reply.
    { name: 'one huge section continues across replies', sections: [section(0, 2000, 100)], replies: 3 },
    // 120 sections of one line each: one block each, 49 a reply.
    {
      name: 'many small sections',
      sections: Array.from({ length: 120 }, (_, index) => section(index, 1, 30)),
      replies: 3,
    },
    {
      name: 'a mix of huge and small, some failing',
      sections: [
        section(0, 5, 30, 'fail'),
        section(1, 700, 200, 'warn'),
        section(2, 0, 0),
        section(3, 40, 10),
      ],
      replies: 2,
    },
  ];

  for (const testCase of cases) {
    it(`${testCase.name}: every line exactly once across the replies, each within Slack's limits`, () => {
      const thread = reportThread(report(testCase.sections), options);
      const replies = thread.replies.map(render);
      expect(replies).toHaveLength(testCase.replies);
      for (const reply of replies) {
        expectWithinLimits(reply);
        expect(JSON.stringify(reply.blocks)).not.toContain(HIDDEN);
      }
      // Packed as tightly as the blocks allow: every reply but the last is full.
      for (const reply of replies.slice(0, -1))
        expect(reply.blocks).toHaveLength(slackLimits.blocksPerMessage);
      const all = replies
        .map((reply) =>
          blockTexts(reply)
            .map((block) => block.text)
            .join('\n'),
        )
        .join('\n');
      const tokens = testCase.sections.flatMap((s, index) => s.lines.map((_, line) => token(index, line)));
      const counts = tokenCounts(all);
      expect(counts.size).toBe(tokens.length);
      for (const expected of tokens) expect(counts.get(expected), expected).toBe(1);
      // A section's lines keep their order across replies (the Map keeps the order they appear in).
      for (const [index, s] of testCase.sections.entries()) {
        const own = s.lines.map((_, line) => token(index, line));
        expect([...counts.keys()].filter((found) => found.startsWith(`[L${index}-`))).toEqual(own);
      }
      // An empty section is still there, saying so.
      if (testCase.sections.some((s) => s.lines.length === 0)) expect(all).toContain('rien à signaler');
      // Numbered replies; the main message points at them only when there are some.
      for (const [index, reply] of replies.entries())
        expect(reply.text).toContain(`détails (${index + 1}/${replies.length})`);
      const main = render(thread.main);
      expectWithinLimits(main);
      expect(JSON.stringify(main.blocks).includes('dans le fil de ce message')).toBe(replies.length > 0);
    });
  }

  it('a reply that opens in the middle of a section names it "(suite)"', () => {
    const replies = reportThread(report([section(0, 2000, 100)]), options).replies.map(render);
    const first = blockTexts(replies[1] as BlockKitMessage)[1]?.text ?? '';
    expect(first.startsWith('*Espace disque par serveur et point de montage (suite)*')).toBe(true);
  });

  it('the main message has the crossings worst first and, with hundreds of them, an overflow notice pointing at the thread', () => {
    const thread = reportThread(
      report([section(0, 400, 200, 'warn'), section(1, 400, 200, 'fail')]),
      options,
    );
    const crossings = thread.main.sections[0];
    expect(crossings?.heading).toBe('Seuils franchis');
    expect(crossings?.lines).toHaveLength(800);
    expect(crossings?.lines[0]?.status).toBe('fail');
    expect(crossings?.lines.at(-1)?.status).toBe('warn');
    const main = render(thread.main);
    expectWithinLimits(main);
    const notice = blockTexts(main).find((block) => block.text.startsWith(HIDDEN))?.text ?? '';
    expect(notice).toMatch(new RegExp(`^${HIDDEN} \\d+ Tout est dans le fil de ce message\\.$`));
    const context = blockTexts(main).find((block) => block.text.includes('Collecté le'));
    expect(context).toBeDefined();
  });

  it('the terminal still shows the whole report in one message', () => {
    const sections = [section(0, 50, 40, 'fail'), section(1, 500, 40)];
    const text = renderMessageText(reportMessage(report(sections), options)).text;
    for (const [index, s] of sections.entries())
      for (const [line] of s.lines.entries()) expect(text).toContain(token(index, line));
    expect(text).not.toContain('dans le fil');
  });
});
