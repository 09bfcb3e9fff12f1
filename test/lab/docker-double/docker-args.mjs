// TEST DOUBLE support: the Docker CLI's way of reading its arguments, for the lab's docker double.

const VALUED = new Set(['--format', '--tail', '-n', '--filter', '-f', '--file', '--scale', '-t', '--time']);

/** Splits argv into options (repeatable ones as arrays) and positionals; `-af` means `-a -f`. */
export function parseDockerArgs(args) {
  const options = {};
  const positionals = [];
  const add = (key, value) => {
    options[key] = key === '--filter' || key === '--scale' ? [...(options[key] ?? []), value] : value;
  };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg.startsWith('--') && arg.includes('='))
      add(arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1));
    else if (VALUED.has(arg)) add(arg, args[++index] ?? '');
    else if (/^-[a-z]{2,}$/.test(arg)) for (const letter of arg.slice(1)) add(`-${letter}`, true);
    else if (arg.startsWith('-')) add(arg, true);
    else positionals.push(arg);
  }
  return { options, positionals };
}
