#!/usr/bin/env bash
# Try the built portable folder (bash scripts/build-portable.sh) as a user without Python would: a read-only
# copy in a path with Chinese characters and spaces, started with an empty environment; check, export, import
# and screenshots compared with python main.py, nothing written inside, start times.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
exec .venv/bin/python packaging/portable_smoke.py
