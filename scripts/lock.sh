#!/usr/bin/env bash
# Regenerate the pinned dependency lists from pyproject.toml (needs the package index):
#   bash scripts/lock.sh                     keep every current pin, add/remove what pyproject.toml changed
#   bash scripts/lock.sh --upgrade           move every package to its newest release
#   bash scripts/lock.sh -P PySide6-Essentials -P shiboken6    upgrade only these
# requirements/lock.txt: the program, tests and the portable build (scripts/setup.sh --test, CI, build);
# requirements/app.txt: the program alone (scripts/start.sh), the same versions as lock.txt.
# Both are universal (Linux, Windows, macOS) and carry hashes, so pip installs them with --require-hashes.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9

uv_cmd=()
if command -v uv >/dev/null 2>&1; then
    uv_cmd=(uv)
elif [ -x .venv/bin/uv ]; then
    uv_cmd=(.venv/bin/uv)
else
    tools="$(mktemp -d)"
    trap 'rm -rf "$tools"' EXIT
    python3 -m venv "$tools"
    "$tools/bin/python" -m pip install -q "uv==$UV_VERSION"
    uv_cmd=("$tools/bin/uv")
fi

common=(pip compile --quiet --universal --python-version 3.11 --generate-hashes --no-emit-index-url
        --custom-compile-command "bash scripts/lock.sh")
"${uv_cmd[@]}" "${common[@]}" --extra test --extra build "$@" pyproject.toml -o requirements/lock.txt
"${uv_cmd[@]}" "${common[@]}" --constraint requirements/lock.txt pyproject.toml -o requirements/app.txt
echo "requirements/lock.txt and requirements/app.txt updated; commit them with pyproject.toml."
