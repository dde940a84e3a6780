#!/usr/bin/env bash
# Install everything and run the whole test suite with the linters: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/python -m ruff check gkdesk tests main.py
.venv/bin/python -m mypy
.venv/bin/lint-imports  # the layer contracts in pyproject.toml
# pytest exits 5 when it collected no test: that is a failure here, like any other non-zero exit.
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
