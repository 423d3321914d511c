#!/usr/bin/env bash
# One command from a fresh checkout to five running services (npm start):
# dependencies, infrastructure, build, migrations, demo seed, then the process runner in the foreground.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "[start] installing dependencies"
npm install --no-audit --no-fund --loglevel=error
npm run --silent infra:up
echo "[start] building"
npm run --silent build
echo "[start] migrating"
npm run --silent migrate
echo "[start] seeding the demo county"
npm run --silent seed
# exec: the runner receives Ctrl-C / SIGTERM directly and stops the services cleanly.
exec node scripts/start-services.mjs "$@"
