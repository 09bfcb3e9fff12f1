import { describe, expect, it } from 'vitest';
import { blockLineText, renderBlockKit } from '../../src/render/block-kit.js';
import { type MessageSection, slackLimits } from '../../src/render/message-model.js';
import { packThreadReplies, splitLine } from '../../src/render/thread-replies.js';

/** Thread packing of lines that no section can hold whole: split, never cut. */

const options = {
  title: (index: number, total: number) => `Details ${index}/${total}`,
  continued: (heading: string) => `${heading} (continued)`,
};

describe('packThreadReplies with over-long lines', () => {
  const cases: { name: string; text: string }[] = [
    { name: 'plain text of 10,000 characters', text: 'abcdefghij'.repeat(1000) },
    // Escaping makes `<` four characters long: the split measures the escaped text.
    { name: 'mrkdwn-escaped text', text: '<&>'.repeat(3000) },
    { name: 'astral characters are not cut in half', text: '🔴'.repeat(4000) },
  ];
  for (const { name, text } of cases) {
    it(`${name}: consecutive lines whose texts join to the original, each block within limits`, () => {
      const sections: MessageSection[] = [
        {
          heading: 'Logs',
          lines: [
            { status: 'fail', text },
            { status: 'ok', text: 'after' },
          ],
        },
      ];
      const replies = packThreadReplies(sections, options);
      const lines = replies.flatMap((reply) => reply.sections.flatMap((section) => section.lines));
      expect(lines.length).toBeGreaterThan(2);
      expect(lines[0]?.status).toBe('fail');
      expect(lines.slice(1, -1).every((line) => line.status === undefined)).toBe(true);
      expect(
        lines
          .slice(0, -1)
          .map((line) => line.text)
          .join(''),
      ).toBe(text);
      expect(lines.at(-1)).toEqual({ status: 'ok', text: 'after' });
      for (const line of lines) expect(blockLineText(line).length).toBeLessThanOrEqual(slackLimits.lineText);
      for (const reply of replies) {
        const rendered = renderBlockKit(reply, { moreLines: () => 'HIDDEN' });
        expect(JSON.stringify(rendered.blocks)).not.toContain('HIDDEN');
        for (const block of rendered.blocks)
          if (block.type === 'section')
            expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(slackLimits.sectionText);
      }
    });
  }

  it('counts the newline between lines: two lines of 1,500 make 3,001 characters, so two blocks', () => {
    const sections: MessageSection[] = [
      { lines: Array.from({ length: 100 }, (_, index) => ({ text: String(index).padStart(1500, '.') })) },
    ];
    const replies = packThreadReplies(sections, options);
    expect(replies.map((reply) => reply.sections.length)).toEqual([49, 49, 2]);
    for (const reply of replies) {
      const rendered = renderBlockKit(reply, { moreLines: () => 'HIDDEN' });
      expect(rendered.blocks).toHaveLength(reply.sections.length + 1);
    }
  });

  it('keeps a short line as it is and drops its buttons', () => {
    expect(
      splitLine({ text: 'short', status: 'warn', buttons: [{ actionId: 'a', label: 'b', value: 'c' }] }, 100),
    ).toEqual([{ text: 'short', status: 'warn' }]);
  });

  it('keeps a heading whose section has no lines', () => {
    expect(packThreadReplies([{ heading: 'Empty', lines: [] }], options)).toEqual([
      { title: 'Details 1/1', sections: [{ heading: 'Empty', lines: [] }] },
    ]);
  });
});
