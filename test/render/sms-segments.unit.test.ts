import { describe, expect, it } from 'vitest';
import { fitSms, gsmFriendly, isGsm7, smsSegments } from '../../src/render/sms-segments.js';

describe('SMS segments (3GPP TS 23.038)', () => {
  it('takes 160 GSM-7 characters in one message and 153 per part beyond', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
    expect(smsSegments('').segments).toBe(0);
  });

  it('counts the extension table as two septets each', () => {
    expect(smsSegments('{'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('€'.repeat(81))).toEqual({ encoding: 'gsm7', units: 162, segments: 2 });
    expect(smsSegments('[]~\\|^\f').units).toBe(14);
  });

  it('never splits an escape and its character across two parts', () => {
    // 152 + 2 + 152 = 306 septets: two parts by arithmetic, three because `€` cannot straddle.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`).segments).toBe(3);
  });

  it('knows the French letters of the basic table, and goes UCS-2 (70, then 67) for any other', () => {
    expect(isGsm7('éèàùìòÉÇ @£$¥ÄÖÑÜ§¿äöñü')).toBe(true);
    expect(isGsm7('ê')).toBe(false);
    expect(smsSegments(`ç${'a'.repeat(69)}`)).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsSegments(`ç${'a'.repeat(70)}`).segments).toBe(2);
    expect(smsSegments(`ç${'a'.repeat(133)}`).segments).toBe(2);
    expect(smsSegments(`ç${'a'.repeat(134)}`).segments).toBe(3);
  });

  it('counts a character outside the BMP as two UCS-2 units, never split', () => {
    expect(smsSegments('🔔').units).toBe(2);
    expect(smsSegments(`${'a'.repeat(66)}🔔${'a'.repeat(66)}`).segments).toBe(3);
  });

  it('gives French typography its usual GSM stand-ins, leaving what it cannot replace', () => {
    expect(gsmFriendly('l’API « tombée » – fenêtre… façon œuvre')).toBe(
      'l\'API " tombée " - fenetre... facon oeuvre',
    );
    expect(isGsm7(gsmFriendly('Prêt à être relancé — côté été'))).toBe(true);
    expect(gsmFriendly('日本')).toBe('日本');
  });

  it('cuts the variable part to fit, marked with "...", or says it cannot', () => {
    const compose = (title: string) => `N2 #42 ${title} https://x.test/a`;
    expect(fitSms(compose, 'short', 1)).toBe('N2 #42 short https://x.test/a');
    const fitted = fitSms(compose, 'T'.repeat(300), 1) ?? '';
    expect(smsSegments(fitted)).toMatchObject({ segments: 1, units: 160 });
    expect(fitted).toContain('T...');
    expect(fitSms(() => 'x'.repeat(200), 'title', 1)).toBeUndefined();
  });
});
