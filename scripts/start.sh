#!/usr/bin/env bash
# Install everything and start gkdesk: bash scripts/start.sh [FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py "$@"
