#!/usr/bin/env bash
# Start gkdesk: bash scripts/start.sh [FILE] [options as for python main.py]
# The first run installs what is missing (needs the network); later runs start offline without pip.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh"
exec "$root/.venv/bin/python" "$root/main.py" "$@"
