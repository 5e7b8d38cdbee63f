#!/usr/bin/env bash
# `npm run test:file -- FILE...`: the named test files in the environment they need. Unit tests run
# as they are (no keyring, no build); any other file runs inside a private gnome-keyring, after a
# build when out/ is older than src/ (the CLI, shell and end-to-end tests run the built files).
set -euo pipefail
cd "$(dirname "$0")/.."
if (($# == 0)); then
  echo "test:file: name the test file(s), e.g. npm run test:file -- test/integration/cli.test.ts" >&2
  exit 2
fi
only_unit=1
for file in "$@"; do
  [[ "$file" == test/unit/* || "$file" == ./test/unit/* ]] || only_unit=0
done
if ((only_unit)); then
  exec npx vitest run --project unit "$@"
fi
if why="$(node scripts/build-freshness.mjs)"; then
  echo "test:file: building first ($why)" >&2
  npx electron-vite build >/dev/null
  node scripts/build-cli.mjs
fi
exec scripts/with-keyring.sh npx vitest run "$@"
