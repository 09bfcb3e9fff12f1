#!/usr/bin/env bash
# `npm run test:stress`: the whole test suite while a CPU hog keeps every core of the machine
# busy (stress-ng --cpu N, from Debian's packages; a Node busy loop where it cannot be had). A
# suite that only passes on a quiet machine fails here. Arguments go to vitest.
set -euo pipefail
cd "$(dirname "$0")/.."

cores=$(nproc)
if ! command -v stress-ng >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "[stress] installing stress-ng" >&2
  (apt-get install -y -qq stress-ng >/dev/null 2>&1 ||
    (apt-get update -qq && apt-get install -y -qq stress-ng >/dev/null 2>&1)) || true
fi
if command -v stress-ng >/dev/null 2>&1; then
  echo "[stress] stress-ng --cpu $cores for the whole run" >&2
  stress-ng --cpu "$cores" --quiet &
else
  echo "[stress] no stress-ng: $cores Node busy loops for the whole run" >&2
  node -e "
    const { Worker } = require('node:worker_threads');
    for (let i = 0; i < $cores; i++) new Worker('for (;;) {}', { eval: true });
  " &
fi
hog=$!
trap 'kill "$hog" 2>/dev/null; wait "$hog" 2>/dev/null || true' EXIT

bash scripts/run-tests.sh "$@"
