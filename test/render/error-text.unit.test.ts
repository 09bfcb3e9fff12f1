import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { msg } from '../../src/i18n/message.js';
import { translate } from '../../src/i18n/translate.js';
import { RemediationError } from '../../src/playbooks/remediations/remediation-error.js';
import { errorText, terminalErrorLines } from '../../src/render/error-text.js';

describe('error text', () => {
  const gone = new RemediationError(
    'REMEDIATION_ARGS_INVALID',
    msg('fix.restart.unknownContainer', { container: 'api_1' }),
    'container api_1 is no longer in the inventory',
  );

  it('says a coded error’s catalogued message in the reader’s locale, not its English detail', () => {
    expect(errorText(gone, 'fr')).toBe(translate('fr', gone.reason));
    expect(errorText(gone, 'en')).toBe(translate('en', gone.reason));
    expect(errorText(gone, 'fr')).not.toContain('no longer in the inventory');
    expect(gone.code).toBe('REMEDIATION_ARGS_INVALID');
  });

  it('gives any other error a short reason, secrets scrubbed', () => {
    expect(errorText(new Error('connect to postgres://bot:hunter2@db/x failed'), 'fr')).not.toContain(
      'hunter2',
    );
  });

  it('prints an invalid inventory with each problem, its line and hint, for the console and the CLI alike', () => {
    const error = new ConfigError(
      'samaops.yml',
      [
        { path: 'servers[0].host', line: 4, message: 'required', hint: msg('config.hint.locale') },
        { path: 'team', message: 'expected an array' },
      ],
      'en',
    );
    expect(terminalErrorLines(error)).toEqual([
      'samaops: invalid inventory samaops.yml',
      '  servers[0].host (line 4): required',
      '      hint: fr or en',
      '  team: expected an array',
    ]);
    expect(terminalErrorLines(gone, 'en')).toEqual([`samaops: ${translate('en', gone.reason)}`]);
  });
});
