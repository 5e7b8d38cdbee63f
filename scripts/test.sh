#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit + integration tests against a real keychain, then the build.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step lint
npx eslint .
npx stylelint 'src/renderer/**/*.css'
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }

step typecheck
npx tsc -p tsconfig.node.json --noEmit
npx tsc -p tsconfig.web.json --noEmit

step build
npx electron-vite build >/dev/null
node scripts/build-cli.mjs

step "unit, integration and end-to-end tests (real gnome-keyring in its own D-Bus session, Debian Chromium)"
scripts/with-keyring.sh npx vitest run "$@"
