import fc from 'fast-check';
import { type CheckResult, type CheckStatus, checkIds } from '../../src/checks/check.js';
import type { Diagnosis } from '../../src/checks/run-checks.js';
import type { TimelineRecord } from '../../src/core/escalation/incident-state.js';
import { type Level, levels } from '../../src/core/escalation/policy-snapshot.js';
import { remediationIds } from '../../src/core/remediation/remediation.js';
import type { StoredRequest } from '../../src/core/remediation/request-state.js';
import { msg } from '../../src/i18n/message.js';
import type { RequestStage } from '../../src/playbooks/guard/request-message.js';
import type { Report } from '../../src/reports/report-model.js';
import type { StoredIncident } from '../../src/store/incidents/incident-row.js';

/**
 * fast-check arbitraries of everything samaops renders for Slack, filled with what outside text
 * may hold: Slack's control characters and sequences, control characters, noncharacters, lone
 * surrogates, look-alike and wide characters, and lengths far beyond Slack's limits.
 */

const SPECIAL = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0OPS|@ops>',
  '<@U0EVIL01>',
  '<#C0OTHER01|random>',
  '<https://evil.example|cliquez>',
  '&',
  '<',
  '>',
  '&amp;',
  '&lt;',
  '*',
  '`',
  '```',
  '\u0000',
  '\u001b[31m',
  '\u202E',
  '\uFDD0',
  '\uFDD1',
  '\uD800',
  '\n',
  'é',
  'ñ',
  '🔥',
  'samаconso',
];

/** A piece of outside text. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...SPECIAL, 'x', 'ab '), fc.integer({ min: 1, max: 300 }))
      .map(([text, times]) => text.repeat(times)),
  },
);

/** Outside text: a title, a summary, a query, container output. */
export const hostileText = (maxPieces = 12) =>
  fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));

const userId = fc.oneof(fc.stringMatching(/^U[A-Z0-9]{2,12}$/), fc.constant('samaops'), hostileText(3));
const status = fc.constantFrom<CheckStatus>('ok', 'warn', 'unknown', 'fail');
const level = fc.constantFrom<Level>(...levels);
const time = fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 });

const checkResult: fc.Arbitrary<CheckResult> = fc.record({
  id: fc.constantFrom(...checkIds),
  target: hostileText(4),
  title: fc.constant(msg('check.postgres.ping.title')),
  status,
  value: fc.option(fc.double({ noNaN: true, min: -1e12, max: 1e12 }), { nil: null }),
  unit: fc.constantFrom('ms' as const, '%' as const, 'count' as const, 'bytes' as const, 's' as const),
  threshold: fc.constant(null),
  detail: hostileText().map((reason) => msg('check.crashed', { reason })),
  durationMs: fc.nat(60_000),
  data: fc.record({
    problems: fc.array(
      fc.record({ name: fc.oneof(fc.stringMatching(/^[a-z0-9_]{1,60}$/), hostileText(2)) }),
      { maxLength: 30 },
    ),
  }),
});

/** A diagnosis: any number of results, any statuses, long details, names with Slack's characters. */
export const diagnosis: fc.Arbitrary<Diagnosis> = fc.record({
  status,
  startedAt: time.map((ms) => new Date(ms)),
  durationMs: fc.nat(120_000),
  results: fc.array(checkResult, { maxLength: 80 }),
});

const deadlines = fc.record({
  ackAt: fc.option(time, { nil: null }),
  repeatAt: fc.option(time, { nil: null }),
  resolveBy: fc.option(time, { nil: null }),
});

/** What every incident state carries: a level, its deadlines, the people paged. */
const stateBase = {
  level,
  generation: fc.nat(),
  deadlines,
  paged: fc.array(userId, { maxLength: 12 }),
  silencedUntil: fc.option(time, { nil: null }),
};

/** An incident in any state, paged people, a hostile title and source. */
export const incident: fc.Arbitrary<StoredIncident> = fc.record({
  id: fc.integer({ min: 1, max: 10_000_000 }),
  dedupKey: hostileText(2),
  title: hostileText(),
  source: hostileText(4),
  openedBy: userId,
  openedAt: time,
  snapshot: fc.constant({ timezone: 'Africa/Dakar', levels: {} as never, team: [] }),
  state: fc.oneof(
    fc.record({ status: fc.constant('open' as const), ...stateBase }),
    fc.record({
      status: fc.constant('acknowledged' as const),
      acknowledgedBy: userId,
      acknowledgedAt: time,
      ...stateBase,
    }),
    fc.record({
      status: fc.constant('resolved' as const),
      resolvedBy: userId,
      resolvedAt: time,
      ...stateBase,
    }),
  ),
  slackChannel: fc.constant('CSAMAPROD1'),
  slackTs: fc.constant('1700000001.000100'),
  messageGeneration: fc.nat(),
});

/** A timeline record of any type. */
export const timelineRecord: fc.Arbitrary<TimelineRecord> = fc.oneof(
  fc.record({ type: fc.constant('opened' as const), level, by: userId }),
  fc.record({
    type: fc.constant('paged' as const),
    level,
    people: fc.array(userId, { maxLength: 12 }),
    reason: fc.constantFrom('opened' as const, 'escalated' as const, 'repeat' as const),
  }),
  fc.record({
    type: fc.constant('escalated' as const),
    from: level,
    to: level,
    by: fc.option(userId, { nil: null }),
  }),
  fc.record({ type: fc.constant('silenced' as const), level, by: userId, untilMs: time }),
  fc.record({
    type: fc.constant('duplicate' as const),
    level,
    source: hostileText(4),
    count: fc.integer({ min: 1, max: 99 }),
  }),
  fc.record({
    type: fc.constant('recovered' as const),
    level,
    checks: hostileText(4),
    healthyMs: fc.nat(10_000_000),
  }),
);

const stage: fc.Arbitrary<RequestStage> = fc.oneof(
  fc.constant({ kind: 'requested' as const }),
  fc.constant({ kind: 'running' as const }),
  fc.record({
    kind: fc.constant('finished' as const),
    ok: fc.boolean(),
    durationMs: fc.nat(3_600_000),
    summary: hostileText(),
    excerpt: hostileText(20),
    verify: fc.array(fc.record({ text: hostileText(4), status }), { maxLength: 20 }),
  }),
  fc.record({ kind: fc.constant('expired' as const), minutes: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('rejected' as const), by: userId }),
);

/** A stored remediation request at any stage, with a hostile preview (query excerpts, container names). */
export const remediationRequest: fc.Arbitrary<{
  request: StoredRequest;
  stage: RequestStage;
  approvedBy: string[];
}> = fc.record({
  request: fc.record({
    id: fc.uuid(),
    remediation: fc.constantFrom(...remediationIds),
    args: fc.constant({}),
    targetKey: hostileText(2),
    targetLabel: hostileText(4),
    tier: fc.constantFrom(1 as const, 2 as const, 3 as const),
    preview: fc.record({
      lines: fc.array(
        fc
          .record({
            pid: fc.nat(),
            user: hostileText(2),
            age: fc.nat(),
            query: hostileText(),
            backendStart: hostileText(2),
            queryStart: hostileText(2),
          })
          .map((params) => msg('fix.killQueries.preview', params)),
        { maxLength: 60 },
      ),
      data: fc.constant({}),
    }),
    evidence: fc.dictionary(fc.string({ maxLength: 12 }), fc.constant(1), { maxKeys: 6 }),
    requester: userId,
    channel: fc.constant('CSAMAPROD1'),
    messageTs: fc.constant(null),
    state: fc.constant('requested' as const),
    createdAt: time.map((ms) => new Date(ms)),
    expiresAt: time.map((ms) => new Date(ms)),
    startedAt: fc.constant(null),
    finishedAt: fc.constant(null),
    outcome: fc.constant(null),
    maintenanceForced: fc.boolean(),
  }),
  stage,
  approvedBy: fc.array(userId, { maxLength: 3 }),
});

/** A maintenance report: sections of lines whose labels and texts come from servers and databases. */
export const report: fc.Arbitrary<Report> = fc.record({
  kind: fc.constantFrom('daily' as const, 'weekly' as const, 'monthly' as const),
  createdAt: time.map((ms) => new Date(ms).toISOString()),
  durationMs: fc.nat(600_000),
  status,
  sections: fc.array(
    fc.record({
      id: fc.stringMatching(/^[a-z-]{1,20}$/),
      title: hostileText(3).map((reason) => msg('check.crashed', { reason })),
      status,
      lines: fc.array(
        fc.record({
          label: hostileText(3),
          status,
          text: hostileText(6).map((reason) => msg('check.unreachable', { reason })),
        }),
        { maxLength: 120 },
      ),
    }),
    { maxLength: 12 },
  ),
});
