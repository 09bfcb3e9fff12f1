import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { terminalProgress } from '../../src/cli/terminal-progress.js';
import { msg } from '../../src/i18n/message.js';
import { progressLine } from '../../src/render/progress-line.js';

/** A stream that says it is (or is not) a terminal, and keeps what is written to it. */
function stream(isTTY: boolean, columns = 100) {
  const writes: string[] = [];
  return { writes, target: { isTTY, columns, write: (text: string) => writes.push(text) } };
}

describe('the progress line', () => {
  it('names what still runs, longest first, with its time, in the reader’s language', () => {
    const running = [
      { label: 'redis.ping@redis', since: 9_000 },
      { label: msg('report.section.tlsExpiry'), since: 5_800 },
    ];
    expect(progressLine(running, 12, 10_000, 'fr', 200)).toBe(
      'en cours (2) : Certificat TLS du point d’accès public 4,2 s, redis.ping@redis 1 s — 12 terminés',
    );
    expect(progressLine(running, 1, 10_000, 'en', 200)).toBe(
      'running (2): TLS certificate of the public endpoint 4.2 s, redis.ping@redis 1 s — 1 done',
    );
  });

  it('fits the terminal’s width, so that a carriage return redraws it in place', () => {
    const running = Array.from({ length: 30 }, (_, index) => ({ label: `check.${index}@db`, since: 0 }));
    const line = progressLine(running, 0, 1000, 'fr', 60);
    expect([...line].length).toBe(59);
    expect(line.endsWith('…')).toBe(true);
  });
});

describe('terminal progress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws one line redrawn with \\r, throttled, after a delay, and clears it at the end', () => {
    const { writes, target } = stream(true);
    const progress = terminalProgress(target, 'fr', { delayMs: 500, intervalMs: 250 });
    progress.started('a', 'postgres.ping@pg');
    progress.started('b', 'apt@db');
    vi.advanceTimersByTime(250);
    expect(writes).toEqual([]);
    progress.finished('a');
    vi.advanceTimersByTime(1000);
    // Ticks at 500, 750, 1000 and 1250 ms: at most one draw per interval, each in place.
    expect(writes).toHaveLength(4);
    expect(writes.every((text) => text.startsWith('\r\x1b[K'))).toBe(true);
    expect(writes.at(-1)).toBe('\r\x1b[Ken cours (1) : apt@db 1,2 s — 1 terminé');
    progress.stop();
    expect(writes.at(-1)).toBe('\r\x1b[K');
    vi.advanceTimersByTime(1000);
    expect(writes).toHaveLength(5);
  });

  it('stays silent for a run quicker than its delay', () => {
    const { writes, target } = stream(true);
    const progress = terminalProgress(target, 'en', { delayMs: 500, intervalMs: 250 });
    progress.started('a', 'redis.ping@redis');
    vi.advanceTimersByTime(300);
    progress.finished('a');
    progress.stop();
    vi.advanceTimersByTime(2000);
    expect(writes).toEqual([]);
  });

  it('draws nothing on a stream that is not a terminal', () => {
    const { writes, target } = stream(false);
    const progress = terminalProgress(target, 'fr');
    progress.started('a', 'apt@db');
    vi.advanceTimersByTime(5000);
    progress.stop();
    expect(writes).toEqual([]);
  });
});
