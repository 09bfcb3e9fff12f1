import { describe, expect, it } from 'vitest';
import type { PolicySnapshot } from '../../../src/core/escalation/policy-snapshot.js';
import { emailPage, type PageFacts, smsText, voiceText } from '../../../src/escalation/pages/page-texts.js';
import { smsSegments } from '../../../src/render/sms-segments.js';

const snapshot = { timezone: 'Africa/Dakar', team: [] } as unknown as PolicySnapshot;
const facts = (overrides: Partial<PageFacts> = {}): PageFacts => ({
  incident: {
    id: 42,
    title: 'api.health · samaconso_api_1, samaconso_api_2',
    source: 'watch all',
    openedAt: Date.UTC(2026, 11, 1, 14, 5),
    snapshot,
  },
  level: 'N2',
  reason: 'escalated',
  name: 'Moussa',
  others: [{ name: 'Awa', level: 'N1' }],
  ackUrl: 'https://samaops.senelec.sn/ack/42?t=AbCdEf0123456789',
  ...overrides,
});

describe('the texts of a page', () => {
  it('says in the email the level, what failed, who else was paged and the ack link, in French', () => {
    const { subject, text } = emailPage(facts(), 'fr');
    expect(subject).toBe('[samaops] N2 — incident #42 : api.health · samaconso_api_1, samaconso_api_2');
    expect(text).toContain('Bonjour Moussa,');
    expect(text).toContain('Vous êtes appelé(e) en N2 pour l’incident #42 (escalade).');
    expect(text).toContain('Ce qui a échoué : api.health · samaconso_api_1, samaconso_api_2');
    expect(text).toContain('Source : watch all');
    expect(text).toContain('Ouvert à 14:05 (Africa/Dakar)');
    expect(text).toContain('Autres personnes appelées : Awa (N1)');
    expect(text).toContain('Acquitter : https://samaops.senelec.sn/ack/42?t=AbCdEf0123456789');
  });

  it('says in English how to acknowledge without a link, and that nobody else was paged', () => {
    const { subject, text } = emailPage(facts({ ackUrl: undefined, others: [] }), 'en');
    expect(subject).toBe('[samaops] N2 — incident #42: api.health · samaconso_api_1, samaconso_api_2');
    expect(text).toContain('Nobody else was paged.');
    expect(text).toContain('`/sama incident ack 42`');
  });

  it('keeps a title’s line breaks out of the subject', () => {
    const incident = { ...facts().incident, title: 'API 502\nBcc: someone@else' };
    expect(emailPage(facts({ incident }), 'fr').subject).toBe(
      '[samaops] N2 — incident #42 : API 502 Bcc: someone@else',
    );
  });

  it('fits the SMS in one GSM-7 message with its link, the title cut when long', () => {
    const short = smsText(facts(), 'fr');
    expect(short).toBe(
      'samaops N2 #42 api.health - samaconso_api_1, samaconso_api_2 - Acquitter : https://samaops.senelec.sn/ack/42?t=AbCdEf0123456789',
    );
    const long = smsText(
      facts({ incident: { ...facts().incident, title: `L’API ${'très '.repeat(40)}lente` } }),
      'fr',
    );
    expect(smsSegments(long)).toMatchObject({ encoding: 'gsm7', segments: 1 });
    expect(long).toMatch(
      /^samaops N2 #42 L'API très .*\.\.\. - Acquitter : https:\/\/samaops\.senelec\.sn\/ack\/42\?t=AbCdEf0123456789$/,
    );
  });

  it('says the SMS spans two when the link leaves no room for the title', () => {
    const text = smsText(facts({ ackUrl: `https://samaops.senelec.sn/ack/${'x'.repeat(150)}` }), 'en');
    expect(text.startsWith('(2 SMS) samaops N2 #42 ')).toBe(true);
    expect(smsSegments(text).segments).toBe(2);
  });

  it('reads the level and the title out in a voice call', () => {
    expect(voiceText(facts(), 'fr')).toBe(
      'Alerte samaops. Incident 42, niveau N2 : api.health · samaconso_api_1, samaconso_api_2. Merci d’acquitter.',
    );
  });
});
