import { describe, expect, it } from 'vitest';
import { diagnosisMessage, RERUN_DIAGNOSIS_ACTION } from '../../src/playbooks/diagnosis-message.js';
import { renderMessageText } from '../../src/render/message-terminal.js';
import { fakeDiagnosis } from './fake-diagnosis.js';

const base = {
  platform: 'SamaConso',
  playbook: 'db',
  timeZone: 'Africa/Dakar',
  requestedBy: '<@U1>',
} as const;

describe('diagnosisMessage', () => {
  it('lists fail, then unknown, then warn, then OK, and collapses OK lines beyond five', () => {
    const diagnosis = fakeDiagnosis([
      'ok',
      'warn',
      'ok',
      'unknown',
      'ok',
      'fail',
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
    ]);
    const message = diagnosisMessage(diagnosis, { ...base, locale: 'fr' });
    expect(message.status).toBe('fail');
    const [problems, healthy] = message.sections;
    expect(problems?.lines.map((line) => line.status)).toEqual(['fail', 'unknown', 'warn']);
    expect(healthy?.lines).toHaveLength(6);
    expect(healthy?.lines.at(-1)?.text).toBe('+3 autres vérifications OK');
    expect(message.buttons).toEqual([
      { actionId: RERUN_DIAGNOSIS_ACTION, label: 'Relancer le diagnostic', value: 'db' },
    ]);
  });

  it('speaks French by default and English with locale en', () => {
    const diagnosis = fakeDiagnosis(['fail', 'ok']);
    const fr = diagnosisMessage(diagnosis, { ...base, locale: 'fr' });
    const en = diagnosisMessage(diagnosis, { ...base, locale: 'en' });
    expect(fr.title).toBe('SamaConso — Base de données lente');
    expect(fr.summary).toBe('*ÉCHEC* : 1 en échec, 0 inconnu, 0 en attention, 1 OK');
    expect(fr.sections[0]?.heading).toBe('À traiter');
    expect(en.title).toBe('SamaConso — Slow database');
    expect(en.summary).toBe('*FAIL*: 1 failing, 0 unknown, 0 warning, 1 OK');
    expect(en.sections[0]?.heading).toBe('Needs attention');
    expect(en.sections[0]?.lines[0]?.text).toContain('threshold 100 / 500 ms');
    expect(fr.sections[0]?.lines[0]?.text).toContain('seuil 100 / 500 ms');
    expect(fr.context?.[0]).toMatch(/^durée 42 ms · 10:00:00 UTC(\+0)? · demandé par <@U1>$/);
  });

  it('leaves the value out of a line when nothing was measured', () => {
    const diagnosis = fakeDiagnosis(['fail']);
    const [result] = diagnosis.results;
    if (result) result.value = null;
    const message = diagnosisMessage(diagnosis, { ...base, locale: 'en' });
    expect(message.sections[0]?.lines[0]?.text).toBe(
      `*PostgreSQL answers (SELECT 1)* · target-0 — error: <${'x'.repeat(40)}> & 0`,
    );
  });

  it('says everything is OK when nothing is wrong', () => {
    const message = diagnosisMessage(fakeDiagnosis(['ok', 'ok']), { ...base, locale: 'en' });
    expect(message.summary).toBe('*OK*: Everything is OK.');
    expect(message.sections).toHaveLength(1);
  });

  it('renders to the terminal with numbered buttons and without Slack markup', () => {
    const message = diagnosisMessage(fakeDiagnosis(['fail']), { ...base, locale: 'en' });
    const { text, buttons } = renderMessageText(message);
    expect(text).toContain('[1] Run the diagnosis again');
    expect(text).toContain('✖ PostgreSQL answers (SELECT 1) · target-0');
    expect(text).not.toContain('*');
    expect(buttons[0]?.value).toBe('db');
  });
});
