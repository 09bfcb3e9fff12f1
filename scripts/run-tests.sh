#!/usr/bin/env bash
# `npm test`: Biome first (seconds; fails fast), then side by side: the type-check, the
# circular-import check, the `unit` and `services` projects in one vitest process, and the `lab`
# project in a second one. The lab's files run one at a time, as they must, but beside the
# others: its faults touch only the lab's own addresses, mounts, databases and vhost. Arguments
# (file filters, vitest options) go to both vitest runs. Exit status: 0 only when all passed.
set -uo pipefail
cd "$(dirname "$0")/.."

npm run -s lint || exit 1
npx tsx test/prepare-machine.ts || exit 1

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
npm run -s typecheck >"$out/typecheck" 2>&1 &
typecheck=$!
npm run -s cycles >"$out/cycles" 2>&1 &
cycles=$!
npx vitest run --project lab --passWithNoTests "$@" >"$out/lab" 2>&1 &
lab=$!

npx vitest run --project unit --project services --passWithNoTests "$@"
status=$?

report() { # name, pid: waits for it, prints its output, and folds its status into ours
  local name=$1 pid=$2 code
  wait "$pid"
  code=$?
  printf '\n── %s (exit %s) ──\n' "$name" "$code"
  cat "$out/$name"
  [ "$code" -eq 0 ] || status=1
}
report lab "$lab"
report typecheck "$typecheck"
report cycles "$cycles"
exit "$status"
