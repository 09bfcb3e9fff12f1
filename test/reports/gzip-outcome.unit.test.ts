import { describe, expect, it } from 'vitest';
import { gzipOutcome } from '../../src/reports/gzip-saved-bytes.js';

describe('gzipOutcome', () => {
  it('pairs sizes and ratios by path, whatever the order, and keeps the first other line as the problem', () => {
    const stdout = ['1000 /l/a.log', '500000 /l/b.log', '2000 /l/c d.log', ''].join('\n');
    const stderr = [
      'gzip: /l/b.log.gz already exists;\tnot overwritten',
      '/l/c d.log:\t 50.0% -- replaced with /l/c d.log.gz',
      '/l/a.log:\t 90.0% -- replaced with /l/a.log.gz',
      '',
    ].join('\n');
    expect(gzipOutcome(stdout, stderr)).toEqual({
      files: 2,
      bytes: 900 + 1000,
      problem: 'gzip: /l/b.log.gz already exists;\tnot overwritten',
    });
  });

  it('counts an incompressible file as saving nothing, not less than nothing', () => {
    expect(gzipOutcome('5000 /l/r.log\n', '/l/r.log:\t -0.4% -- replaced with /l/r.log.gz\n')).toEqual({
      files: 1,
      bytes: 0,
      problem: undefined,
    });
  });
});
