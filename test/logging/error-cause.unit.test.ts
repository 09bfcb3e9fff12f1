import { describe, expect, it } from 'vitest';
import { explainError } from '../../src/i18n/explain-error.js';
import { msg } from '../../src/i18n/message.js';
import { translate } from '../../src/i18n/translate.js';
import { classifyError } from '../../src/logging/error-cause.js';
import { RemoteError } from '../../src/remote/remote-error.js';

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('classifyError', () => {
  it.each([
    [coded('connect ETIMEDOUT 10.0.0.1:5432', 'ETIMEDOUT'), 'timeout'],
    [coded('canceling statement due to statement timeout', '57014'), 'timeout'],
    [new Error('Timed out while waiting for handshake'), 'timeout'],
    [coded('connect ECONNREFUSED 127.0.0.1:6379', 'ECONNREFUSED'), 'connectionRefused'],
    [coded('password authentication failed for user "samaops"', '28P01'), 'authenticationFailed'],
    [new Error('All configured authentication methods failed'), 'authenticationFailed'],
    [new Error('WRONGPASS invalid username-password pair'), 'authenticationFailed'],
    [coded('getaddrinfo ENOTFOUND db.invalid', 'ENOTFOUND'), 'dns'],
    [coded('certificate has expired', 'CERT_HAS_EXPIRED'), 'tlsExpired'],
    [coded('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'), 'tlsUntrusted'],
    [
      new TypeError('fetch failed', { cause: coded('certificate has expired', 'CERT_HAS_EXPIRED') }),
      'tlsExpired',
    ],
    [coded('permission denied for table accounts', '42501'), 'permissionDenied'],
    [coded("EACCES: permission denied, open '/etc/samaops/id_ed25519'", 'EACCES'), 'permissionDenied'],
    [new RemoteError('REMOTE_COMMAND_TIMEOUT', 'db', 'disk.df on db: killed by timeout'), 'timeout'],
    [new Error('relation "foo" does not exist'), 'other'],
    ['a thrown string', 'other'],
  ])('%s → %s', (error, cause) => {
    expect(classifyError(error).cause).toBe(cause);
  });

  it('scrubs secrets from the raw reason', () => {
    const { raw } = classifyError(new Error('connect ECONNREFUSED for amqp://bot:hunter2@mq:5672'));
    expect(raw).not.toContain('hunter2');
  });
});

describe('explainError', () => {
  const reason = (error: unknown, locale: 'fr' | 'en') =>
    translate(locale, msg('check.unreachable', { reason: explainError(error) }));

  it('gives a catalogued sentence with the raw reason in small print', () => {
    const error = coded('connect ECONNREFUSED 127.0.0.1:6379', 'ECONNREFUSED');
    expect(reason(error, 'fr')).toBe(
      'injoignable : connexion refusée (le service est-il démarré, le port ouvert ?) (« connect ECONNREFUSED 127.0.0.1:6379 »)',
    );
    expect(reason(error, 'en')).toMatch(/^unreachable: connection refused .*“connect ECONNREFUSED/);
  });

  it('says "killed by timeout" in the reader’s language', () => {
    const error = new RemoteError('REMOTE_COMMAND_TIMEOUT', 'db', 'disk.df on db: killed by timeout');
    expect(reason(error, 'fr')).toBe('injoignable : délai dépassé');
    expect(reason(error, 'en')).toBe('unreachable: timed out');
  });

  it('keeps an unknown cause as its raw reason', () => {
    expect(reason(new Error('relation "foo" does not exist'), 'fr')).toBe(
      'injoignable : relation "foo" does not exist',
    );
  });
});
