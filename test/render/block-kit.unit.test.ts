import { describe, expect, it } from 'vitest';
import type { CheckStatus } from '../../src/checks/check.js';
import { diagnosisMessage } from '../../src/playbooks/diagnosis-message.js';
import { renderBlockKit } from '../../src/render/block-kit.js';
import { type ChatMessage, slackLimits } from '../../src/render/message-model.js';
import { fakeDiagnosis } from './fake-diagnosis.js';

const moreLines = (count: number) => `… ${count} hidden`;

/** Every text of every block, with the block kind, to hold against Slack's limits. */
function texts(blocks: ReturnType<typeof renderBlockKit>['blocks']): { type: string; text: string }[] {
  return blocks.flatMap((block) => {
    const found: { type: string; text: string }[] = [];
    if ('text' in block && typeof block.text === 'object' && 'text' in block.text)
      found.push({ type: block.type, text: block.text.text });
    if (block.type === 'context') {
      for (const element of block.elements)
        if ('text' in element) found.push({ type: 'context', text: element.text });
    }
    return found;
  });
}

describe('renderBlockKit', () => {
  it('keeps a 200-check diagnosis with long details within Slack limits, saying how much it hid', () => {
    const statuses: CheckStatus[] = Array.from({ length: 200 }, (_, i) =>
      i % 4 === 0 ? 'fail' : i % 4 === 1 ? 'warn' : i % 4 === 2 ? 'unknown' : 'ok',
    );
    const message = diagnosisMessage(fakeDiagnosis(statuses, 900), {
      locale: 'fr',
      platform: 'SamaConso',
      playbook: 'all',
      timeZone: 'Africa/Dakar',
      requestedBy: '<@U1>',
    });
    const { blocks, text } = renderBlockKit(message, { moreLines });
    expect(blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
    for (const block of texts(blocks)) {
      expect(block.text.length).toBeLessThanOrEqual(
        block.type === 'header' ? slackLimits.headerText : slackLimits.sectionText,
      );
    }
    expect(text.length).toBeLessThanOrEqual(slackLimits.fallbackText);
    const notice = texts(blocks).find((t) => t.text.startsWith('…'));
    expect(notice?.text).toMatch(/^… \d+ hidden$/);
    // The rerun button survives the overflow: it lives in the tail, never cut.
    expect(blocks.some((b) => b.type === 'actions')).toBe(true);
    // 150 problems are shown or counted, none silently lost.
    const shownProblemLines = texts(blocks)
      .filter((t) => t.type === 'section')
      .flatMap((t) => t.text.split('\n'))
      .filter((line) => /:(red|large_yellow|white)_circle:/.test(line)).length;
    const hidden = Number(/(\d+)/.exec(notice?.text ?? '')?.[1]);
    expect(shownProblemLines + hidden).toBeGreaterThanOrEqual(150);
  });

  it('escapes &, < and > but keeps bold markers', () => {
    const message: ChatMessage = {
      title: 'T',
      sections: [{ lines: [{ text: '*a* <b> & c', status: 'ok' }] }],
    };
    const { blocks } = renderBlockKit(message, { moreLines });
    expect(texts(blocks)[1]?.text).toBe(':large_green_circle: *a* &lt;b&gt; &amp; c');
  });

  it('gives a line with one button the button as accessory, with its action id and value', () => {
    const message: ChatMessage = {
      title: 'T',
      sections: [
        {
          lines: [
            {
              text: 'queue urgent',
              status: 'fail',
              buttons: [{ actionId: 'a.b', label: 'Purge', value: 'req-1', style: 'danger' }],
            },
          ],
        },
      ],
    };
    const { blocks } = renderBlockKit(message, { moreLines });
    const section = blocks[1];
    expect(section?.type).toBe('section');
    expect(section && 'accessory' in section ? section.accessory : undefined).toMatchObject({
      type: 'button',
      action_id: 'a.b',
      value: 'req-1',
      style: 'danger',
    });
  });

  it('refuses a button value over 2000 characters: values are ids, a long one is a bug', () => {
    const message: ChatMessage = {
      title: 'T',
      sections: [],
      buttons: [{ actionId: 'a', label: 'x', value: 'v'.repeat(2001) }],
    };
    expect(() => renderBlockKit(message, { moreLines })).toThrow(RangeError);
  });
});
