import type { CheckResult, CheckStatus, Unit } from '../../src/checks/check.js';
import { checkIds } from '../../src/checks/check.js';
import type { Diagnosis } from '../../src/checks/run-checks.js';
import type { TimelineRecord } from '../../src/core/escalation/incident-state.js';
import { remediationIds } from '../../src/core/remediation/remediation.js';
import type { StoredRequest } from '../../src/core/remediation/request-state.js';
import { humanDuration, incidentMessage, recordText } from '../../src/escalation/incident-message.js';
import { catalogue, type MessageKey } from '../../src/i18n/catalogue/index.js';
import type { Locale } from '../../src/i18n/define-messages.js';
import { explainError } from '../../src/i18n/explain-error.js';
import { type Message, msg } from '../../src/i18n/message.js';
import { translate } from '../../src/i18n/translate.js';
import { diagnosisMessage } from '../../src/playbooks/diagnosis-message.js';
import { type RequestStage, requestMessage } from '../../src/playbooks/guard/request-message.js';
import type { ChatMessage } from '../../src/render/message-model.js';
import { renderMessageText } from '../../src/render/message-terminal.js';
import { renderForSlack } from '../../src/render/render-for-slack.js';
import type { Report } from '../../src/reports/report-model.js';
import { reportThread } from '../../src/reports/report-thread.js';
import type { StoredIncident } from '../../src/store/incidents/incident-row.js';

/**
 * Realistic inputs for every kind of message samaops shows, rendered as people read them: in
 * Slack (every text of the Block Kit payload and its fallback) and in a terminal (the console).
 */

const NOW = Date.parse('2026-11-02T10:00:00Z');
const UNITS: Unit[] = ['ms', '%', 'count', 'bytes', 's'];
const STATUSES: CheckStatus[] = ['fail', 'unknown', 'warn', 'ok'];

/** Catalogue keys under `prefix`. */
export const keysUnder = (prefix: string): MessageKey[] =>
  (Object.keys(catalogue.fr) as MessageKey[]).filter((key) => key.startsWith(prefix));

/** A catalogued message with every placeholder filled by a number: the template's own words show. */
export function sample(key: MessageKey): Message {
  const names = [...catalogue.fr[key].matchAll(/\{\s*(\w+)/g)].map((match) => match[1] ?? '');
  return msg(key, Object.fromEntries(names.map((name) => [name, 3])));
}

/** What a person reads of a message: in Slack, every text of the payload; in a terminal, the text. */
export function readText(message: ChatMessage, locale: Locale): string {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const child of value) walk(child);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'text' && typeof child === 'string') texts.push(child);
        else walk(child);
      }
    }
  };
  walk(renderForSlack(message, locale));
  return [...texts, renderMessageText(message).text].join('\n');
}

/** One result per catalogued detail of each check, statuses, units and thresholds in turn. */
export function everyCheckResult(): CheckResult[] {
  const errors = [new Error('connect ECONNREFUSED 10.0.0.5:6432'), new Error('getaddrinfo ENOTFOUND db')];
  return checkIds.flatMap((id, index) => {
    const details = [
      ...keysUnder(`check.${id}.`).filter((key) => !key.endsWith('.title')),
      'check.timeout' as const,
    ];
    return details.map((key, at): CheckResult => {
      const unit = UNITS[(index + at) % UNITS.length] ?? 'ms';
      return {
        id,
        target: `db${at}`,
        title: msg(`check.${id}.title` as MessageKey),
        status: STATUSES[(index + at) % STATUSES.length] ?? 'ok',
        value: 83.9,
        unit,
        threshold: { direction: at % 2 ? 'below' : 'above', warn: 80, fail: 95.5, unit },
        detail:
          key === 'check.timeout'
            ? msg('check.crashed', { reason: explainError(errors[at % 2]) })
            : sample(key),
        durationMs: 12,
      };
    });
  });
}

/** A diagnosis holding every check result above. */
export function everyDiagnosis(): Diagnosis {
  return { status: 'fail', startedAt: new Date(NOW), durationMs: 1234, results: everyCheckResult() };
}

/** Every diagnosis as Slack shows it. */
export function diagnosisMessages(locale: Locale): ChatMessage[] {
  return (['all', 'api', 'db'] as const).map((playbook) =>
    diagnosisMessage(everyDiagnosis(), {
      locale,
      platform: 'SamaConso',
      playbook,
      timeZone: 'Africa/Dakar',
      requestedBy: '<@U0AWA0001>',
      okLinesShown: 2,
    }),
  );
}

const STAGES: RequestStage[] = [
  { kind: 'requested' },
  { kind: 'running' },
  {
    kind: 'finished',
    ok: true,
    durationMs: 4200,
    summary: 'x',
    excerpt: '$ docker restart api_1',
    verify: [{ text: 'api.health@api_1', status: 'ok' }],
  },
  { kind: 'finished', ok: false, durationMs: 4200, summary: 'x', excerpt: '', verify: [] },
  { kind: 'expired', minutes: 15 },
  { kind: 'rejected', by: 'U0DBA0001' },
];

/** Every remediation at every stage, in each tier, its preview lines from the catalogue. */
export function requestMessages(locale: Locale): ChatMessage[] {
  const previews = keysUnder('fix.')
    .filter((key) => key.includes('preview'))
    .map(sample);
  return remediationIds.flatMap((remediation, index) =>
    STAGES.map((stage, at) => {
      const tier = ((index + at) % 3) + 1;
      const request: StoredRequest = {
        id: `0b9e7c1e-0000-4000-8000-00000000000${at}`,
        remediation,
        args: {},
        targetKey: `${remediation}:db`,
        targetLabel: 'samaconso_api_1',
        tier: tier as 1 | 2 | 3,
        preview: { lines: previews, data: {} },
        evidence: {},
        requester: 'U0AWA0001',
        channel: 'C0SAMAPROD',
        messageTs: null,
        state: 'requested',
        createdAt: new Date(NOW),
        expiresAt: new Date(NOW + 900_000),
        startedAt: null,
        finishedAt: null,
        outcome: null,
        maintenanceForced: at === 1,
      };
      const finished =
        stage.kind === 'finished'
          ? { ...stage, summary: translate(locale, sample('fix.restart.done')) }
          : stage;
      return requestMessage(request, {
        locale,
        timeZone: 'Africa/Dakar',
        rule: {
          approverRoles: ['devops', 'dba'],
          approvals: tier === 3 ? 2 : 1,
          cooldownMinutes: 5,
          hourlyCap: 6,
          allowedDuringMaintenance: false,
          requesterMayApprove: tier === 1,
        },
        approvedBy: at === 1 ? ['U0DEV0001'] : [],
        nameOf: (id) => id,
        stage: finished,
      });
    }),
  );
}

const RECORDS: TimelineRecord[] = [
  { type: 'opened', level: 'N2', by: 'U0AWA0001' },
  { type: 'paged', level: 'N2', people: ['U0DEV0001'], reason: 'opened' },
  { type: 'paged', level: 'N3', people: ['U0LEAD001'], reason: 'escalated' },
  { type: 'paged', level: 'N3', people: ['U0LEAD001'], reason: 'repeat' },
  { type: 'level-skipped', level: 'N1' },
  { type: 'nobody-reachable', level: 'N3' },
  { type: 'page-suppressed', level: 'N2', reason: 'maintenance' },
  { type: 'sla-breached', level: 'N2' },
  { type: 'acknowledged', level: 'N2', by: 'U0DEV0001' },
  { type: 'escalated', from: 'N2', to: 'N3', by: null },
  { type: 'escalated', from: 'N1', to: 'N2', by: 'U0AWA0001' },
  { type: 'resolved', level: 'N2', by: 'U0DEV0001' },
  { type: 'silenced', level: 'N2', by: 'U0DEV0001', untilMs: NOW + 3_600_000 },
  { type: 'reopened', level: 'N2', by: 'U0DEV0001' },
  { type: 'duplicate', level: 'N2', source: 'alertmanager', count: 1 },
  { type: 'duplicate', level: 'N2', source: 'alertmanager', count: 4 },
  { type: 'recovered', level: 'N2', checks: 'api.health@api_1', healthyMs: 300_000 },
  { type: 'recovered', level: 'N2', checks: 'api.health@api_1', healthyMs: 300_000, autoResolve: true },
];

/** An incident in each state, its every timeline line, and the DM of a page. */
export function incidentTexts(locale: Locale): string[] {
  const base = { level: 'N2' as const, generation: 1, paged: ['U0DEV0001'], silencedUntil: NOW + 600_000 };
  const deadlines = { ackAt: NOW + 900_000, repeatAt: NOW + 300_000, resolveBy: NOW + 7_200_000 };
  const states: StoredIncident['state'][] = [
    { status: 'open', ...base, deadlines },
    { status: 'acknowledged', acknowledgedBy: 'U0DEV0001', acknowledgedAt: NOW, ...base, deadlines },
    { status: 'resolved', resolvedBy: 'U0DEV0001', resolvedAt: NOW, ...base, deadlines },
  ];
  const incidents = states.map(
    (state, id): StoredIncident => ({
      id: id + 1,
      dedupKey: 'check:api.health',
      title: 'API 502',
      source: 'watch',
      openedBy: 'samaops',
      openedAt: NOW - 600_000,
      snapshot: { timezone: 'Africa/Dakar', levels: {} as never, team: [] },
      state,
      slackChannel: 'C0SAMAPROD',
      slackTs: null,
      messageGeneration: 1,
    }),
  );
  const reasons = keysUnder('incidents.reason.').map((key) => translate(locale, msg(key)));
  return [
    ...incidents.map((incident) => readText(incidentMessage(incident, locale, NOW), locale)),
    ...RECORDS.map((record) => recordText(record, locale, 'Africa/Dakar')),
    ...reasons.map((reason) =>
      translate(locale, msg('incidents.dm.paged', { level: 'N2', id: 1, title: 'API 502', reason })),
    ),
    humanDuration(7_500_000),
  ];
}

/** A report of each kind with every catalogued section and line, and a trend of every unit. */
export function reportMessages(locale: Locale): ChatMessage[] {
  const lines = keysUnder('report.')
    .filter((key) => !key.startsWith('report.section.') && !key.startsWith('report.heading.'))
    .map((key, index) => ({ label: `db${index}`, status: STATUSES[index % 4] ?? 'ok', text: sample(key) }));
  const sections = keysUnder('report.section.').map((key, index) => ({
    id: `s${index}`,
    title: msg(key),
    status: STATUSES[index % 4] ?? 'ok',
    lines: lines.slice(index * 3, index * 3 + 6),
  }));
  return (['daily', 'weekly', 'monthly'] as const).flatMap((kind) => {
    const report: Report = {
      kind,
      createdAt: new Date(NOW).toISOString(),
      durationMs: 1500,
      status: 'warn',
      sections,
      trend: {
        previousAt: new Date(NOW - 86_400_000).toISOString(),
        deltas: UNITS.map((unit, index) => ({
          sectionId: 's0',
          label: `db${index}`,
          metric: `m${index}`,
          change: index === 0 ? ('new' as const) : ('changed' as const),
          previous: index === 1 ? null : 40,
          current: 44.5,
          unit,
        })),
      },
    };
    const thread = reportThread(report, { locale, platform: 'SamaConso', timezone: 'Africa/Dakar' });
    return [thread.main, ...thread.replies];
  });
}
