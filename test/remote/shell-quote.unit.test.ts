import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commandLine, shellQuote } from '../../src/remote/shell-quote.js';

const NASTY = [
  'plain',
  '/var/log/app.log',
  '{{json .}}',
  'ERROR|CRITICAL',
  "it's",
  '$(touch /tmp/pwned)',
  '`id`',
  'a b\tc\nd',
  '; reboot',
  "'; rm -rf / '",
  '*',
  '~root',
  '',
  '\\',
  '"quoted"',
];

describe('shell quoting of remote argument vectors', () => {
  it('leaves plainly safe words bare and quotes everything else', () => {
    expect(shellQuote('df')).toBe('df');
    expect(shellQuote('/data/x-1_2.log')).toBe('/data/x-1_2.log');
    expect(shellQuote('{{json .}}')).toBe("'{{json .}}'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });

  it('makes a real shell see exactly the original arguments, nothing expanded or run', () => {
    const line = commandLine(['printf', '%s\\0', ...NASTY]);
    const seen = execFileSync('sh', ['-c', line], { cwd: '/' }).toString('utf8').split('\0').slice(0, -1);
    expect(seen).toEqual(NASTY);
  });

  it('refuses an empty vector', () => {
    expect(() => commandLine([])).toThrow(/empty/);
  });
});
