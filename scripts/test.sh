#!/usr/bin/env bash
# `npm test`: every check the project promises, in the order that fails fastest.
# Installs dependencies first so a fresh clone needs only this one command.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "install"
npm install --no-audit --no-fund --loglevel=error

step "infrastructure (PostgreSQL, NATS with JetStream)"
bash scripts/infra-up.sh

step "headless Chromium for the browser tests (Debian package; a browser is never downloaded)"
# (with a small CJK font, so the screenshots show Chinese rather than empty boxes)
if [ ! -x /usr/bin/chromium ]; then
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  pkgs="chromium fonts-wqy-microhei"
  $sudo apt-get install -y $pkgs || { $sudo apt-get update && $sudo apt-get install -y $pkgs; }
fi

step "type-check and build"
npx tsc -p tsconfig.json --noEmit
npx tsc -p tsconfig.build.json
npm run --silent build:web   # the web UI the gateway serves (dist/web), for the browser tests

step "lint: module boundaries, React hooks in the web UI"
npx nx show projects >/dev/null   # the boundary rule reads Nx's project graph
npx eslint --max-warnings 0 .

step "tests: unit, integration, end-to-end"
npx jest --ci "$@"
