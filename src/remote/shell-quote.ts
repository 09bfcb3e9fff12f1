/** Arguments made only of these characters need no quoting in any POSIX shell. */
const BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes one argument for a POSIX shell: bare when it is plainly safe, otherwise in single quotes
 * (inside which nothing is special) with each `'` written as `'\''`. Deterministic, so that a
 * server-side allow-list can compare the exact command line.
 */
export function shellQuote(argument: string): string {
  if (BARE.test(argument)) return argument;
  return `'${argument.replaceAll("'", `'\\''`)}'`;
}

/** One command line from an argument vector, every element quoted. */
export function commandLine(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('empty argument vector');
  return argv.map(shellQuote).join(' ');
}
