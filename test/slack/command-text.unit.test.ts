import { describe, expect, it } from 'vitest';
import { unescapeCommandText } from '../../src/slack/command-text.js';

describe('unescapeCommandText: Slack command text (should_escape: true) as plain text, once', () => {
  it.each([
    ['<@U024BE7LH|jean>', '@U024BE7LH'],
    ['<@W0ENTERPR1>', '@W0ENTERPR1'],
    ['<#C0SAMAPROD|samaconso-prod>', '#samaconso-prod'],
    ['<#C0SAMAPROD|>', '#C0SAMAPROD'],
    ['<mailto:ops@senelec.sn|ops@senelec.sn>', 'ops@senelec.sn'],
    ['<https://grafana.senelec.sn/d/api|grafana.senelec.sn/d/api>', 'grafana.senelec.sn/d/api'],
    ['<https://grafana.senelec.sn/d/api>', 'https://grafana.senelec.sn/d/api'],
    ['<!here>', '@here'],
    ['<!channel>', '@channel'],
    ['<!everyone>', '@everyone'],
    ['<!subteam^S0OPS|@ops>', '@ops'],
    ['<!subteam^S0OPS>', '@S0OPS'],
    ['<!date^1392734382^{date_short}|Feb 18, 2014>', 'Feb 18, 2014'],
    ['API &amp; DB &lt;lentes&gt;', 'API & DB <lentes>'],
    // Typed by the user as "&lt;": Slack escaped the "&" only; one unescape gives back what was typed.
    ['&amp;lt;', '&lt;'],
  ])('%s → %s', (sent, read) => {
    expect(unescapeCommandText(sent)).toBe(read);
  });
});
