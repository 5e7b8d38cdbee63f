#!/usr/bin/env bash
# The slow reliability suite: SIGKILL mid-write (SQLite and the vault file), concurrent writers,
# 10,000 mints, 200 concurrent calls. Prints the figures it gathered at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
figures_dir="$(mktemp -d -t keydesk-stress.XXXXXX)"
trap 'rm -rf "$figures_dir"' EXIT
export KEYDESK_STRESS_FIGURES="$figures_dir"
bash scripts/with-keyring.sh npx vitest run --config vitest.stress.config.ts
echo
echo "== stress figures"
cat "$figures_dir/keydesk-stress-figures.txt"
