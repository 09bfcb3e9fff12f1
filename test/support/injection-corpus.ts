/**
 * Injection attempts to splice into the variable parts of the bot's command forms: each one, added
 * to a valid value, must make the whole command refused. `marker` is a file an attempt that got
 * through would create (in a directory the bot's login may write), so that a test sees it did not.
 */
export function injectionCorpus(marker: string): { name: string; text: string }[] {
  const touch = `touch ${marker}`;
  return [
    { name: 'semicolon', text: `; ${touch}` },
    { name: 'and', text: ` && ${touch}` },
    { name: 'pipe', text: `| ${touch}` },
    { name: 'command substitution', text: `$(${touch})` },
    { name: 'backticks', text: `\`${touch}\`` },
    { name: 'newline', text: `\n${touch}` },
    { name: 'single quote', text: `'; ${touch}; '` },
    { name: 'parent directory', text: '/../../../etc/shadow' },
    { name: 'option', text: ' --privileged -v /:/host' },
    { name: 'long argument', text: 'a'.repeat(60_000) },
    { name: 'Cyrillic look-alike', text: 'ѕamaconso_api_1' },
    { name: 'fullwidth look-alikes', text: '／etc／shadow＿１' },
    { name: 'zero-width space', text: '\u200b' },
    { name: 'right-to-left override', text: '\u202egol.*' },
  ];
}

/** The attempt with a NUL byte: no command-line client can send it, the test sends it through ssh2. */
export function nulAttempt(marker: string): string {
  return `\0; touch ${marker}`;
}
