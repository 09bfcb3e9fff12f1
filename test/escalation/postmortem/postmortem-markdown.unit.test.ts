import { describe, expect, it } from 'vitest';
import type { TimelineRecord } from '../../../src/core/escalation/incident-state.js';
import { detectionOf } from '../../../src/escalation/postmortem/detection.js';
import { mdCodeBlock, mdText } from '../../../src/escalation/postmortem/markdown-text.js';
import type { PostmortemFacts } from '../../../src/escalation/postmortem/postmortem-facts.js';
import { postmortemMarkdown } from '../../../src/escalation/postmortem/postmortem-markdown.js';
import type { StoredIncident } from '../../../src/store/incidents/incident-row.js';
import type { RanRemediation } from '../../../src/store/remediation-requests/requests-in-window.js';
import { testSnapshot } from '../engine-fixtures.js';

/** 10:00 in Dakar: opened by the watch, paged N2, acknowledged at 10:02, restart at 10:04, resolved 10:20. */
const T0 = Date.parse('2026-11-23T10:00:00Z');
const min = (minutes: number) => T0 + minutes * 60_000;

const snapshot = testSnapshot({ ack: 180_000, repeat: 120_000, resolve: 900_000 });

const incident = (overrides: Partial<StoredIncident> = {}): StoredIncident => ({
  id: 7,
  dedupKey: 'check:api.health:samaconso_api_1',
  title: 'api.health · samaconso_api_1',
  source: 'watch api',
  openedBy: 'samaops',
  openedAt: T0,
  snapshot,
  state: {
    status: 'resolved',
    level: 'N2',
    generation: 5,
    deadlines: { ackAt: null, repeatAt: null, resolveBy: null },
    paged: [],
    silencedUntil: null,
    resolvedBy: 'UN2',
    resolvedAt: min(20),
  },
  slackChannel: 'CSAMA',
  slackTs: '1700000000.000100',
  messageGeneration: 5,
  ...overrides,
});

const timeline: { at: number; record: TimelineRecord }[] = [
  { at: T0, record: { type: 'opened', level: 'N2', by: 'samaops' } },
  { at: T0, record: { type: 'paged', level: 'N2', people: ['UN2'], reason: 'opened' } },
  { at: min(2), record: { type: 'acknowledged', level: 'N2', by: 'UN2' } },
  {
    at: min(12),
    record: { type: 'recovered', level: 'N2', checks: 'api.health · samaconso_api_1', healthyMs: 15_000 },
  },
  { at: min(20), record: { type: 'resolved', level: 'N2', by: 'UN2' } },
];

const restart: RanRemediation = {
  request: {
    id: '0b6d1c1e-0000-4000-8000-000000000001',
    remediation: 'restart',
    args: { containers: ['samaconso_api_1'] },
    targetKey: 'container:api/samaconso_api_1',
    targetLabel: 'samaconso_api_1',
    tier: 2,
    preview: { lines: [{ key: 'postmortem.toFill' }], data: {} },
    evidence: { status: 'exited', logs: ['ERROR ``` boom'] },
    requester: 'UN2',
    channel: 'CSAMA',
    messageTs: null,
    state: 'succeeded',
    createdAt: new Date(min(3)),
    expiresAt: new Date(min(18)),
    startedAt: new Date(min(4)),
    finishedAt: new Date(min(5)),
    outcome: {
      ok: true,
      summary: 'redémarré',
      verify: [{ id: 'api.health', target: 'samaconso_api_1', status: 'ok' }],
    },
    maintenanceForced: false,
  },
  approvals: [{ approver: 'UN3', at: new Date(min(3.5)) }],
  audit: [12, 13, 14, 15, 16].map((id, index) => ({
    id,
    at: new Date(min(3 + index * 0.5)).toISOString(),
    actor: 'UN2',
    action:
      [
        'remediation.requested',
        'remediation.approval',
        'remediation.approved',
        'remediation.running',
        'remediation.succeeded',
      ][index] ?? '',
    requestId: '0b6d1c1e-0000-4000-8000-000000000001',
    detail: {},
    prevHash: '',
    hash: '',
  })),
};

const facts = (overrides: Partial<PostmortemFacts> = {}): PostmortemFacts => ({
  incident: incident(),
  timeline,
  detection: detectionOf(incident()),
  remediations: [restart],
  slo: undefined,
  now: min(30),
  ...overrides,
});

describe('postmortemMarkdown', () => {
  const draft = postmortemMarkdown(facts(), 'fr');

  it('titles the draft and says it was written from records, without AI', () => {
    expect(draft.split('\n')[0]).toBe('# Post-mortem — incident #7 : api.health · samaconso\\_api\\_1');
    expect(draft).toContain('> Brouillon écrit par samaops le 23/11/2026 10:30:00 (Africa/Dakar)');
    expect(draft).toContain('sans IA');
  });

  it('sums up level, opening, resolution, duration and source', () => {
    expect(draft).toContain('- Niveau : N2 (ouvert en N2)');
    expect(draft).toContain('- Ouvert le 23/11/2026 10:00:00 par samaops');
    expect(draft).toContain('- Résolu le 23/11/2026 10:20:00 par Moussa (UN2)');
    expect(draft).toContain('- Durée : 20 min');
  });

  it('says the watch detected it, with the failing check', () => {
    expect(draft).toContain('Par la surveillance (playbook api)');
    expect(draft).toContain('Vérifications en échec : `api.health · samaconso_api_1`');
  });

  it('tables who was paged, when, and when they acknowledged', () => {
    expect(draft).toContain('| Heure | Niveau | Appelés | Motif |');
    expect(draft).toContain(
      '| 23/11/2026 10:00:00 | N2 | Moussa (UN2) — a pris en charge le 10:02:00 | ouverture |',
    );
    expect(draft).toContain(
      'Pris en charge par Moussa (UN2) le 23/11/2026 10:02:00, 2 min après l’ouverture (niveau N2).',
    );
    expect(draft).toContain('Aucune escalade.');
  });

  it('lists the remediation with its audit ids, preview, outcome, verification and evidence', () => {
    expect(draft).toContain('### restart samaconso\\_api\\_1 — réussie');
    expect(draft).toContain('- Demandée par Moussa (UN2) le 23/11/2026 10:03:00');
    expect(draft).toContain('- Approuvée par Fatou (UN3) — 23/11/2026 10:03:30');
    expect(draft).toContain('- Exécutée du 23/11/2026 10:04:00 au 23/11/2026 10:05:00');
    expect(draft).toContain(
      '- Journal d’audit : #12 remediation.requested, #13 remediation.approval, #14 remediation.approved, #15 remediation.running, #16 remediation.succeeded',
    );
    expect(draft).toContain('- Vérification après coup : api.health samaconso\\_api\\_1: ok');
    // The evidence's own backticks cannot close its block.
    expect(draft).toContain('````json\n{\n  "status": "exited"');
  });

  it('holds MTTA and MTTR to the level’s deadlines', () => {
    expect(draft).toContain('| MTTA (prise en charge) | 2 min | 3 min en N2 | dans le délai |');
    expect(draft).toContain('| MTTR (résolution) | 20 min | 15 min en N2 | dépassé de 5 min |');
  });

  it('says the SLO budget is not available without the port, and tables it with', () => {
    expect(draft).toContain('Non disponible : samaops n’a pas de chiffres SLO pour cette période.');
    const withSlo = postmortemMarkdown(
      facts({
        slo: [{ slo: 'disponibilité api', consumedPercent: 46.3, leftPercent: 53.7, period: '2026-11' }],
      }),
      'fr',
    );
    expect(withSlo).toContain('| disponibilité api | 46,3 % | 53,7 % | 2026-11 |');
  });

  it('keeps the timeline, and leaves cause and actions as headed blanks', () => {
    expect(draft).toContain(
      '- 23/11/2026 10:12:00 — 💚 Rétabli : api.health · samaconso\\_api\\_1 au vert depuis 15 s.',
    );
    expect(draft).toMatch(/## Cause\n\n_À compléter\._\n\n## Actions\n\n_À compléter\._\n$/);
  });

  it('is written in English for an English inventory, and speaks of an open incident as open', () => {
    const open = postmortemMarkdown(
      facts({
        incident: incident({
          state: { ...incident().state, status: 'open' } as StoredIncident['state'],
        }),
        timeline: timeline.slice(0, 2),
        remediations: [],
      }),
      'en',
    );
    expect(open).toContain('- Neither acknowledged nor resolved');
    expect(open).toContain('- Duration: 30 min so far');
    expect(open).toContain('| MTTR (resolution) | — | — | not yet |');
    expect(open).toContain('No remediation ran during the incident.');
    expect(open).toContain('Never acknowledged.');
  });
});

describe('detection and Markdown text', () => {
  it('tells the watch, a diagnosis, an alert and a hand apart', () => {
    expect(
      detectionOf({ source: 'diagnose all', dedupKey: 'check:disk.usage:db', title: 'disk.usage · db' }),
    ).toEqual({
      kind: 'diagnosis',
      via: 'all',
      checks: ['disk.usage · db'],
    });
    expect(
      detectionOf({ source: 'alertmanager', dedupKey: 'alert:ab12', title: 'HighLatency · api' }),
    ).toMatchObject({
      kind: 'alert',
      via: 'alertmanager',
    });
    expect(
      detectionOf({ source: '/sama incident open (UN1)', dedupKey: 'manual:api 502', title: 'API 502' }),
    ).toEqual({
      kind: 'hand',
      via: '',
      checks: [],
    });
  });

  it('escapes outside text and fences code longer than its backticks', () => {
    expect(mdText('<!channel> *gras* | [lien](x) & co\nligne')).toBe(
      '\\<!channel\\> \\*gras\\* \\| \\[lien\\](x) \\& co ligne',
    );
    expect(mdCodeBlock('a ```` b')).toEqual(['`````', 'a ```` b', '`````']);
  });
});
