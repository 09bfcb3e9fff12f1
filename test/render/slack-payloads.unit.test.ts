import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incidentMessage, recordText } from '../../src/escalation/incident-message.js';
import { msg } from '../../src/i18n/message.js';
import { translate } from '../../src/i18n/translate.js';
import { diagnosisMessage } from '../../src/playbooks/diagnosis-message.js';
import { requestMessage } from '../../src/playbooks/guard/request-message.js';
import type { ChatMessage } from '../../src/render/message-model.js';
import { slackLimits } from '../../src/render/message-model.js';
import { renderForSlack } from '../../src/render/render-for-slack.js';
import { toMrkdwn } from '../../src/render/slack-text.js';
import { reportThread } from '../../src/reports/report-thread.js';
import { judgeMessage } from '../slack/double/message-rules.js';
import { diagnosis, incident, remediationRequest, report, timelineRecord } from './slack-arbitraries.js';

/**
 * Every message samaops builds, rendered from generated inputs and held against the rules of the
 * Slack double (test/slack/double/): Block Kit limits, a text fallback, nothing notifying a whole
 * channel, every `&`, `<`, `>` from outside escaped. RUNS per kind: 4 kinds, 1,000 messages at least.
 */
const RUNS = 250;
const locale = 'fr' as const;

/** Slack's verdict on a message as the bot sends it; empty when Slack takes it and no promise is broken. */
function problemsOf(message: ChatMessage): string[] {
  const verdict = judgeMessage({ ...renderForSlack(message, locale) });
  return [...(verdict.error ? [verdict.error, ...(verdict.errors ?? [])] : []), ...verdict.violations];
}

/** The same for a text-only message (a thread line, a DM), as the outbound sender posts it. */
function textProblemsOf(text: string): string[] {
  const verdict = judgeMessage({ text: toMrkdwn(text, slackLimits.postText) });
  return [...(verdict.error ? [verdict.error] : []), ...verdict.violations];
}

describe('every message the bot builds keeps Slack’s rules, over generated inputs', () => {
  it('diagnoses: any number of failing checks, containers and details', () => {
    fc.assert(
      fc.property(diagnosis, (generated) => {
        const message = diagnosisMessage(generated, {
          locale,
          platform: 'SamaConso',
          playbook: 'all',
          timeZone: 'Africa/Dakar',
          requestedBy: 'Awa',
        });
        expect(problemsOf(message)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('incidents: their message, every timeline line, and the DM to each person paged', () => {
    fc.assert(
      fc.property(incident, fc.array(timelineRecord, { maxLength: 8 }), (generated, records) => {
        expect(problemsOf(incidentMessage(generated, locale, 1_800_000_000_000))).toEqual([]);
        const lines = records.map((record) => recordText(record, locale, 'Africa/Dakar')).join('\n');
        if (lines) expect(textProblemsOf(lines)).toEqual([]);
        const dm = translate(
          locale,
          msg('incidents.dm.paged', { level: 'N2', id: generated.id, title: generated.title, reason: 'x' }),
        );
        expect(textProblemsOf(dm)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('remediation requests at every stage, with their previews and outputs', () => {
    fc.assert(
      fc.property(remediationRequest, ({ request, stage, approvedBy }) => {
        const message = requestMessage(request, {
          locale,
          timeZone: 'Africa/Dakar',
          rule: {
            approverRoles: ['devops', 'dba'],
            approvals: request.tier === 3 ? 2 : 1,
            cooldownMinutes: 5,
            hourlyCap: 6,
            allowedDuringMaintenance: false,
            requesterMayApprove: request.tier === 1,
          },
          approvedBy,
          nameOf: (id) => id,
          stage,
        });
        expect(problemsOf(message)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('maintenance reports: the main message and every thread reply', () => {
    fc.assert(
      fc.property(report, (generated) => {
        const thread = reportThread(generated, { locale, platform: 'SamaConso', timezone: 'Africa/Dakar' });
        for (const message of [thread.main, ...thread.replies]) expect(problemsOf(message)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
