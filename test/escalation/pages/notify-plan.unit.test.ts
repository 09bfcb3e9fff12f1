import { describe, expect, it } from 'vitest';
import { failoverChannels, pagePlan, reachableChannels } from '../../../src/core/escalation/notify-plan.js';
import type { SnapshotPerson } from '../../../src/core/escalation/policy-snapshot.js';

const all = ['N1', 'N2', 'N3'] as const;
const awa: SnapshotPerson = {
  slackId: 'UAWA00001',
  name: 'Awa',
  roles: ['support_n1'],
  availability: '24/7',
  email: 'awa@senelec.sn',
  phone: '+221770000001',
  notify: [
    { channel: 'slack', after: 0, levels: [...all] },
    { channel: 'sms', after: 300_000, levels: [...all] },
    { channel: 'voice', after: 600_000, levels: ['N3'] },
  ],
};
const everything = new Set(['email', 'sms', 'voice'] as const);

describe('notification plans', () => {
  it('pages by the person’s rules for the level, in their order, each with its delay', () => {
    expect(pagePlan(awa, 'N1')).toEqual([
      { channel: 'slack', afterMs: 0 },
      { channel: 'sms', afterMs: 300_000 },
    ]);
    expect(pagePlan(awa, 'N3').map((page) => page.channel)).toEqual(['slack', 'sms', 'voice']);
  });

  it('pages someone without rules (or frozen before them) by a Slack DM at once', () => {
    const { notify: _rules, ...plain } = awa;
    expect(pagePlan(plain, 'N2')).toEqual([{ channel: 'slack', afterMs: 0 }]);
    expect(pagePlan(undefined, 'N2')).toEqual([{ channel: 'slack', afterMs: 0 }]);
  });

  it('fails over to the channels after Slack; with none, to every other channel the person has', () => {
    expect(failoverChannels(awa, 'N3', everything)).toEqual(['sms', 'voice']);
    const slackOnly = { ...awa, notify: [{ channel: 'slack' as const, after: 0, levels: [...all] }] };
    expect(failoverChannels(slackOnly, 'N1', everything)).toEqual(['email', 'sms', 'voice']);
    expect(failoverChannels(slackOnly, 'N1', new Set(['email'] as const))).toEqual(['email']);
    const { email: _email, phone: _phone, ...noContact } = slackOnly;
    expect(failoverChannels(noContact, 'N1', everything)).toEqual([]);
  });

  it('reaches a person by Slack always, by the others where both they and the bot have what it needs', () => {
    expect(reachableChannels(awa, new Set(['sms'] as const))).toEqual(['slack', 'sms']);
    expect(reachableChannels({ ...awa, phone: undefined }, everything)).toEqual(['slack', 'email']);
  });
});
