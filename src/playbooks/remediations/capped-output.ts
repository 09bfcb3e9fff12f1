import { scrubSecrets } from '../../logging/scrub-secrets.js';

/** Most bytes of a remediation's output kept with its outcome: 64 KiB. */
export const REMEDIATION_OUTPUT_CAP = 64 * 1024;

/**
 * Joins output sections, scrubs secrets and cuts the result at 64 KiB (on a character boundary),
 * so that what the guard stores and shows is bounded and safe to display.
 */
export function cappedOutput(sections: readonly string[]): string {
  const text = scrubSecrets(sections.filter((section) => section !== '').join('\n'));
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= REMEDIATION_OUTPUT_CAP) return text;
  const marker = '\n[… output cut at 64 KiB]';
  const kept = bytes.subarray(0, REMEDIATION_OUTPUT_CAP - Buffer.byteLength(marker));
  // A cut inside a multi-byte character decodes as U+FFFD: drop it.
  return kept.toString('utf8').replace(/\uFFFD$/, '') + marker;
}
