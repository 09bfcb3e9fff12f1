import { cliCommandNames, commandCompletion, globalOptions } from './command-help.js';

/** Option values that name a file: bash offers file names for them. */
const FILE_VALUES = new Set(['FILE']);

/** The flags of every command that take a value, by what bash offers for it. */
function valueOptions(): { files: string[]; other: string[] } {
  const all = cliCommandNames.flatMap((name) => commandCompletion(name).options);
  const taking = all.filter((option) => option.value !== undefined && option.flag !== '--locale');
  const files = [...new Set(taking.filter((o) => FILE_VALUES.has(o.value ?? '')).map((o) => o.flag))];
  const other = [...new Set(taking.map((o) => o.flag))].filter((flag) => !files.includes(flag));
  return { files, other };
}

/** One `case` arm per command: its options and the words its first argument takes. */
function commandArms(): string[] {
  return cliCommandNames.map((name) => {
    const { options, words } = commandCompletion(name);
    const flags = options.map((option) => option.flag).join(' ');
    return `    ${name}) options='${flags}'; words='${words.join(' ')}' ;;`;
  });
}

/**
 * The bash completion script `samaops completion bash` prints, generated from the tables of
 * `--help` (command-help.ts): commands, each command's options and first-argument words
 * (playbooks, report kinds, `verify`), file names after the options taking a FILE (`--config`, `--public-key`, `--chart`), fr and en
 * after `--locale`. Installed with `samaops completion bash > /etc/bash_completion.d/samaops`, or
 * `source <(samaops completion bash)` in a shell.
 */
export function bashCompletionScript(): string {
  const { files, other } = valueOptions();
  const top = [...cliCommandNames, '--version', ...globalOptions.map(([flag]) => flag.split(' ')[0])];
  return `# samaops completion for bash: source <(samaops completion bash)
_samaops() {
  local cur prev command='' options='' words='' i positionals=0
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  case "$prev" in
    --locale) COMPREPLY=($(compgen -W 'fr en' -- "$cur")); return 0 ;;
    ${files.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
    ${other.join('|')}) return 0 ;;
  esac
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --locale|${[...files, ...other].join('|')}) i=$((i + 1)) ;;
      -*) ;;
      *) if [[ -z "$command" ]]; then command="\${COMP_WORDS[i]}"; else positionals=$((positionals + 1)); fi ;;
    esac
  done
  if [[ -z "$command" ]]; then
    COMPREPLY=($(compgen -W '${top.join(' ')}' -- "$cur"))
    return 0
  fi
  case "$command" in
${commandArms().join('\n')}
    *) return 0 ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  elif ((positionals == 0)); then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
  return 0
}
complete -F _samaops samaops
`;
}
