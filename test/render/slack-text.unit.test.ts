import { describe, expect, it } from 'vitest';
import {
  slackChannelLink,
  slackMention,
  textPieces,
  toMrkdwn,
  toPlainText,
} from '../../src/render/slack-text.js';

describe('slack-text: outside text inert, bot-built mentions live', () => {
  it('escapes &, < and > so that special mentions, mentions and links from outside are text', () => {
    expect(toMrkdwn('<!channel> disk full & <@U0EVIL01> <https://evil.example|click>')).toBe(
      '&lt;!channel&gt; disk full &amp; &lt;@U0EVIL01&gt; &lt;https://evil.example|click&gt;',
    );
  });

  it('renders the mentions and channel links the bot builds, and writes the bot itself plainly', () => {
    const text = `Appelé(s) : ${slackMention('UNIVEAU2')} ${slackMention('samaops')} dans ${slackChannelLink('CSAMAPROD1')}`;
    expect(toMrkdwn(text)).toBe('Appelé(s) : <@UNIVEAU2> samaops dans <#CSAMAPROD1>');
    expect(toPlainText(text)).toBe('Appelé(s) : @UNIVEAU2 samaops dans #CSAMAPROD1');
  });

  it('a forged token (the marker characters without the process key) is only text', () => {
    const forged = '\uFDD0000000000000@U0EVIL01\uFDD1';
    expect(toMrkdwn(forged)).toBe('000000000000@U0EVIL01');
    expect(toMrkdwn(forged)).not.toContain('<@');
  });

  it('drops control characters and bidirectional overrides; keeps tabs and newlines', () => {
    expect(toMrkdwn('a\u0000b\u001bc\u202Ed\te\nf')).toBe('abcd\te\nf');
  });

  it('cuts with … and never inside an entity or a mention', () => {
    expect(toMrkdwn('ab&cd', 5)).toBe('ab…');
    const mention = slackMention('UNIVEAU2');
    expect(toMrkdwn(`abcdefgh ${mention}`, 12)).toBe('abcdefgh …');
    expect(toMrkdwn(`${mention} x`, 13)).toBe('<@UNIVEAU2> x');
    expect(textPieces(`a${mention}&`)).toEqual([
      { piece: 'a', width: 1 },
      { piece: mention, width: 11 },
      { piece: '&', width: 5 },
    ]);
  });
});
