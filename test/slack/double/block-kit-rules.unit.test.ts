import { describe, expect, it } from 'vitest';
import { checkBlocks } from './block-kit-rules.js';
import { button, plain, text } from './block-kit-samples.js';

/** Block Kit limits the double holds every message to (sources in block-kit-rules.ts). */

describe('Block Kit as Slack checks it: each problem worded with its json-pointer', () => {
  it.each([
    [
      '51 blocks',
      Array.from({ length: 51 }, () => ({ type: 'divider' })),
      'no more than 50 items allowed [json-pointer:/blocks]',
    ],
    [
      'a section over 3000',
      [{ type: 'section', text: text('x'.repeat(3001)) }],
      'must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
    ],
    [
      'an empty section',
      [{ type: 'section', text: text('') }],
      'must be more than 0 characters [json-pointer:/blocks/0/text/text]',
    ],
    [
      '11 fields',
      [{ type: 'section', fields: Array.from({ length: 11 }, () => text('f')) }],
      'no more than 10 items allowed [json-pointer:/blocks/0/fields]',
    ],
    [
      'a field over 2000',
      [{ type: 'section', fields: [text('f'.repeat(2001))] }],
      '[json-pointer:/blocks/0/fields/0/text]',
    ],
    [
      'a mrkdwn header',
      [{ type: 'header', text: text('Title') }],
      'must be a valid enum value [json-pointer:/blocks/0/text/type]',
    ],
    [
      'a header over 150',
      [{ type: 'header', text: plain('h'.repeat(151)) }],
      'must be less than 151 characters',
    ],
    [
      '11 context elements',
      [{ type: 'context', elements: Array.from({ length: 11 }, () => text('c')) }],
      'no more than 10 items allowed',
    ],
    [
      '26 actions',
      [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(`a${i}`)) }],
      'no more than 25 items allowed',
    ],
    [
      'two buttons with one action_id',
      [{ type: 'actions', elements: [button('same'), button('same')] }],
      'duplicate action_id "same" in the block [json-pointer:/blocks/0/elements/1/action_id]',
    ],
    [
      'a button text over 75',
      [{ type: 'actions', elements: [button('a', { text: plain('b'.repeat(76)) })] }],
      '[json-pointer:/blocks/0/elements/0/text/text]',
    ],
    [
      'a button value over 2000',
      [{ type: 'actions', elements: [button('a', { value: 'v'.repeat(2001) })] }],
      'must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]',
    ],
    [
      'an action_id over 255',
      [{ type: 'actions', elements: [button('a'.repeat(256))] }],
      'must be less than 256 characters',
    ],
    [
      'a block_id twice',
      [
        { type: 'divider', block_id: 'b' },
        { type: 'divider', block_id: 'b' },
      ],
      'duplicate block_id "b" in the message',
    ],
    [
      'a block_id over 255',
      [{ type: 'divider', block_id: 'b'.repeat(256) }],
      '[json-pointer:/blocks/0/block_id]',
    ],
    [
      'a confirm title over 100',
      [
        {
          type: 'actions',
          elements: [
            button('a', {
              confirm: {
                title: plain('t'.repeat(101)),
                text: plain('x'),
                confirm: plain('Yes'),
                deny: plain('No'),
              },
            }),
          ],
        },
      ],
      '[json-pointer:/blocks/0/elements/0/confirm/title/text]',
    ],
    [
      'a confirm text over 300',
      [
        {
          type: 'actions',
          elements: [
            button('a', {
              confirm: {
                title: plain('t'),
                text: plain('x'.repeat(301)),
                confirm: plain('Yes'),
                deny: plain('No'),
              },
            }),
          ],
        },
      ],
      'must be less than 301 characters',
    ],
    [
      'a confirm without deny',
      [
        {
          type: 'actions',
          elements: [
            button('a', { confirm: { title: plain('t'), text: plain('x'), confirm: plain('Yes') } }),
          ],
        },
      ],
      'must be a text object [json-pointer:/blocks/0/elements/0/confirm/deny]',
    ],
    ['an unknown property', [{ type: 'divider', colour: 'red' }], 'invalid additional property: colour'],
  ])('%s', (_name, blocks, expected) => {
    expect(checkBlocks(blocks).problems.join('\n')).toContain(expected);
  });

  it('takes blocks at every limit, and lists the mrkdwn texts Slack parses', () => {
    const check = checkBlocks([
      { type: 'header', text: plain('h'.repeat(150)) },
      { type: 'section', text: text('s'.repeat(3000)), accessory: button('one') },
      { type: 'section', fields: Array.from({ length: 10 }, () => text('f'.repeat(2000))) },
      {
        type: 'actions',
        elements: Array.from({ length: 25 }, (_, i) => button(`a:${i}`, { value: 'v'.repeat(2000) })),
      },
      { type: 'context', elements: Array.from({ length: 10 }, () => plain('c')) },
      { type: 'divider', block_id: 'd'.repeat(255) },
    ]);
    expect(check.problems).toEqual([]);
    expect(check.mrkdwn.map((entry) => entry.pointer)).toEqual([
      '/blocks/1/text/text',
      ...Array.from({ length: 10 }, (_, i) => `/blocks/2/fields/${i}/text`),
    ]);
  });
});
