import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber } from '../../src/i18n/format-number.js';
import { byteCount, msg } from '../../src/i18n/message.js';
import { translate } from '../../src/i18n/translate.js';
import { formatValue } from '../../src/render/format-measure.js';

describe('numbers and units', () => {
  it('writes decimals the French way in French', () => {
    expect(formatValue(83.94, '%', 'fr')).toBe('83,9 %');
    expect(formatValue(83.94, '%', 'en')).toBe('83.9 %');
    expect(formatNumber(12345, 'fr')).toBe('12345');
  });

  it('writes bytes in French units', () => {
    expect(formatBytes(2.2 * 1024 * 1024, 'fr')).toBe('2,2 Mio');
    expect(formatBytes(2.2 * 1024 * 1024, 'en')).toBe('2.2 MiB');
    expect(formatBytes(512, 'fr')).toBe('512 o');
    expect(formatValue(3 * 1024 ** 3, 'bytes', 'fr')).toBe('3 Gio');
  });

  it('formats number and byte parameters in every message', () => {
    const text = translate('fr', msg('report.oldFiles', { count: 3, days: 30, size: byteCount(1536) }));
    expect(text).toBe('3 fichiers de plus de 30 jours, 1,5 Kio');
  });
});

describe('plurals', () => {
  it('follows French rules: 0 and 1 are singular', () => {
    const counts = (unknown: number) =>
      translate('fr', msg('report.counts', { fail: 4, unknown, warn: 0, ok: 2 }));
    expect(counts(1)).toBe('4 en échec, 1 inconnu, 0 en attention, 2 OK');
    expect(counts(0)).toContain('0 inconnu,');
    expect(counts(2)).toContain('2 inconnus,');
  });

  it('follows English rules: 0 is plural', () => {
    expect(translate('en', msg('check.redis.keys.detail', { count: 0 }))).toBe('0 keys in the database');
    expect(translate('en', msg('check.redis.keys.detail', { count: 1 }))).toBe('1 key in the database');
  });

  it('reads a count PostgreSQL returned as a string', () => {
    expect(translate('fr', msg('check.redis.keys.detail', { count: '1' }))).toBe('1 clé dans la base');
  });

  it('leaves a missing placeholder visible', () => {
    expect(translate('fr', msg('check.redis.keys.detail'))).toContain('{count, plural');
  });
});
