import { describe, expect, it } from 'vitest';
import { uncoveredRanges } from '../../src/config/findings/escalation-coverage.js';
import { inventoryFindings } from '../../src/config/findings/index.js';
import { parseInventory } from '../../src/config/load-inventory.js';
import { translate } from '../../src/i18n/translate.js';

const EVERY_ROLE = '[support_n1, devops, dba, lead, architect]';
const TEAM = [
  'team:',
  `  - { slackId: U0ALICE001, name: Alice, roles: ${EVERY_ROLE} }`,
  `  - { slackId: U0BOB00001, name: Bob, roles: ${EVERY_ROLE} }`,
].join('\n');

function findings(yaml: string) {
  return inventoryFindings(parseInventory(yaml, '/tmp/inventory.yml', {})).map((finding) => ({
    severity: finding.severity,
    path: finding.path.join('.'),
    text: translate('en', finding.message),
  }));
}

describe('inventory findings', () => {
  it('finds nothing in a team that covers every level and rule, nor in an empty team (console mode)', () => {
    expect(findings(TEAM)).toEqual([]);
    expect(findings('{}')).toEqual([]);
  });

  it('lists the hours of the week where a level reaches nobody', () => {
    const team = [
      TEAM,
      '  - { slackId: U0SUPPORT1, name: Support, roles: [support_n1], availability: { from: "08:00", to: "18:00" } }',
      'escalation: { levels: { N1: { roles: [support_n1, backend] } } }',
    ].join('\n');
    expect(findings(team)).toEqual([]);
    const officeHoursOnly = [
      'team:',
      `  - { slackId: U0ALICE001, name: Alice, roles: [devops, dba, lead, architect] }`,
      `  - { slackId: U0BOB00001, name: Bob, roles: [devops, dba, lead, architect] }`,
      '  - { slackId: U0SUPPORT1, name: Support, roles: [support_n1], availability: { from: "08:00", to: "18:00" } }',
    ].join('\n');
    const [gap] = findings(officeHoursOnly);
    expect(gap?.severity).toBe('warning');
    expect(gap?.path).toBe('escalation.levels.N1.roles');
    expect(gap?.text).toContain('mon 00:00–08:00, mon 18:00–24:00');
    expect(gap?.text).toContain('sat 00:00–24:00, sun 00:00–24:00');
  });

  it('follows windows past midnight as paging does (they belong to their start day)', () => {
    const night = { days: ['fri' as const], from: '20:00', to: '08:00' };
    const day = {
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const,
      from: '08:00',
      to: '20:00',
    };
    const gaps = uncoveredRanges([
      { availability: night },
      { availability: { ...day, days: [...day.days] } },
    ]);
    expect(gaps).not.toContain('sat 00:00–08:00');
    expect(gaps).toContain('fri 00:00–08:00');
    expect(gaps).toContain('sun 20:00–24:00');
  });

  it('refuses a level whose roles nobody holds', () => {
    const yaml = `${TEAM}\nescalation: { levels: { N3: { roles: [backend] } } }`;
    expect(findings(yaml)).toEqual([
      {
        severity: 'error',
        path: 'escalation.levels.N3.roles',
        text: expect.stringContaining('nobody in the team holds the roles backend'),
      },
    ]);
  });

  it('refuses an approval rule nobody, or not enough people, can satisfy', () => {
    const yaml = [
      'team:',
      `  - { slackId: U0ALICE001, name: Alice, roles: ${EVERY_ROLE} }`,
      `  - { slackId: U0CAROL001, name: Carol, roles: [support_n1, dba] }`,
      'remediations: { rules: { vacuum: { approverRoles: [backend] } } }',
    ].join('\n');
    const errors = findings(yaml).filter((finding) => finding.severity === 'error');
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          severity: 'error',
          path: 'remediations.rules.vacuum.approverRoles',
          text: 'needs 1 approver among backend, the team has 0',
        },
        {
          severity: 'error',
          path: 'remediations.rules.flush-redis.approverRoles',
          text: 'needs 2 distinct approvers among lead, architect, devops, the team has 1',
        },
        {
          severity: 'error',
          path: 'remediations.highestTier.approverRoles',
          text: expect.stringContaining('the team has 1'),
        },
      ]),
    );
  });

  it('refuses names that point nowhere: servers, channels, people listed twice', () => {
    const yaml = [
      TEAM,
      `  - { slackId: U0ALICE001, name: Alice again, roles: [lead] }`,
      'slack: { channels: [C0SAMAPROD] }',
      'escalation: { channel: C0ELSEWHERE }',
      'reports: { gzipLogsOn: [dbb], backups: [{ server: api, directory: /backups }] }',
    ].join('\n');
    expect(findings(yaml)).toEqual([
      { severity: 'error', path: 'reports.backups.0.server', text: 'no server named "api" (known: —)' },
      { severity: 'error', path: 'reports.gzipLogsOn.0', text: 'no server named "dbb" (known: —)' },
      {
        severity: 'warning',
        path: 'escalation.channel',
        text: 'channel C0ELSEWHERE is not in slack.channels (C0SAMAPROD)',
      },
      {
        severity: 'error',
        path: 'team.2.slackId',
        text: 'Slack user U0ALICE001 is listed twice in the team',
      },
    ]);
  });

  it('warns when the SLOs would count unknown minutes: the watch off, or runs further apart than a minute', () => {
    expect(findings(`${TEAM}\nescalation: { watch: { playbook: off } }`)).toEqual([
      {
        severity: 'warning',
        path: 'escalation.watch.playbook',
        text: 'the watch is off: SLOs are computed from its runs, every minute would be unknown',
      },
    ]);
    expect(findings(`${TEAM}\nescalation: { watch: { every: 5m } }`)).toEqual([
      {
        severity: 'warning',
        path: 'escalation.watch.every',
        text: 'one watch run every 300 s: SLOs count minutes, the minutes without a run would be unknown (60 s at most)',
      },
    ]);
    expect(findings(`${TEAM}\nescalation: { watch: { playbook: off } }\nslo: { services: [] }`)).toEqual([]);
  });

  it('warns of a notification rule whose delay reaches the level’s ack timeout (the page would be cancelled)', () => {
    const yaml = [
      'team:',
      `  - slackId: U0ALICE001`,
      `    name: Alice`,
      `    roles: ${EVERY_ROLE}`,
      `    email: alice@senelec.sn`,
      `    notify: [{ channel: slack }, { channel: email, after: 15m, levels: [N1, N2] }, { channel: email, after: 1m, levels: [N3] }]`,
      `  - { slackId: U0BOB00001, name: Bob, roles: ${EVERY_ROLE} }`,
      'notifications: { email: { host: smtp, from: ops@senelec.sn } }',
    ].join('\n');
    expect(findings(yaml)).toEqual([
      {
        severity: 'warning',
        path: 'team.0.notify.1.after',
        text: 'the email page would never go at N1, N2: the incident goes up a level first (ackTimeout), which cancels it',
      },
    ]);
  });
});
