import { describe, expect, it } from 'vitest';
import { openIncident, step } from '../../../src/core/escalation/step.js';
import { recordText } from '../../../src/escalation/incident-message.js';
import { MONDAY_10H, quiet, testSnapshot } from '../engine-fixtures.js';

const snapshot = testSnapshot();
const T0 = MONDAY_10H;
const opened = openIncident(snapshot, 'N2', 'UOPS', quiet, T0).state;

describe('acting by an ack link (the step)', () => {
  it('acknowledges at the link generation, and the record says "via link"', () => {
    const result = step(
      snapshot,
      opened,
      { kind: 'acknowledge', by: 'UN2', via: 'link', generation: opened.generation },
      quiet,
      T0 + 1000,
    );
    expect(result).toMatchObject({
      applied: true,
      state: { status: 'acknowledged', acknowledgedBy: 'UN2' },
      records: [{ type: 'acknowledged', level: 'N2', by: 'UN2', via: 'link' }],
    });
  });

  it('escalates at the link generation, the escalated record saying "via link"', () => {
    const result = step(
      snapshot,
      opened,
      { kind: 'escalate', by: 'UN2', via: 'link', generation: opened.generation },
      quiet,
      T0 + 1000,
    );
    expect(result.applied && result.records[0]).toEqual({
      type: 'escalated',
      from: 'N2',
      to: 'N3',
      by: 'UN2',
      via: 'link',
    });
  });

  it('refuses a link made for another generation: the incident changed since the page', () => {
    for (const kind of ['acknowledge', 'escalate'] as const) {
      const result = step(
        snapshot,
        opened,
        { kind, by: 'UN2', via: 'link', generation: opened.generation - 1 },
        quiet,
        T0 + 1000,
      );
      expect(result).toEqual({ applied: false, refusal: 'stale-link' });
    }
  });

  it('says "already acknowledged" rather than "stale" to a late ack link', () => {
    const acked = step(snapshot, opened, { kind: 'acknowledge', by: 'UN2' }, quiet, T0 + 500);
    if (!acked.applied) throw new Error('not acknowledged');
    const late = step(
      snapshot,
      acked.state,
      { kind: 'acknowledge', by: 'UN2', via: 'link', generation: opened.generation },
      quiet,
      T0 + 1000,
    );
    expect(late).toEqual({ applied: false, refusal: 'already-acknowledged' });
  });

  it('writes the Slack button acts as before, without "via"', () => {
    const result = step(snapshot, opened, { kind: 'acknowledge', by: 'UN2' }, quiet, T0 + 1000);
    expect(result.applied && result.records[0]).toEqual({ type: 'acknowledged', level: 'N2', by: 'UN2' });
  });
});

describe('the thread line of an act by link', () => {
  it('says "via lien e-mail/SMS" in French and "via e-mail/SMS link" in English', () => {
    const record = { type: 'acknowledged', level: 'N2', by: 'UN2', via: 'link' } as const;
    expect(recordText(record, 'fr', 'Africa/Dakar')).toMatch(
      /^✅ Pris en charge par .*UN2.* \(N2\), via lien e-mail\/SMS$/,
    );
    expect(recordText(record, 'en', 'Africa/Dakar')).toMatch(
      /^✅ Acknowledged by .*UN2.* \(N2\), via e-mail\/SMS link$/,
    );
    const escalated = { type: 'escalated', from: 'N2', to: 'N3', by: 'UN2', via: 'link' } as const;
    expect(recordText(escalated, 'fr', 'Africa/Dakar')).toMatch(
      /^⬆️ Escalade N2 → N3 par .*UN2.*, via lien e-mail\/SMS$/,
    );
    expect(recordText({ ...record, via: undefined }, 'fr', 'Africa/Dakar')).not.toContain('via');
  });
});
