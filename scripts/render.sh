#!/usr/bin/env bash
# Render exported .docx / .xlsx files to PDF and PNG pages for a look, with stand-ins for the
# government fonts:  bash scripts/render.sh OUT_DIR FILE...
set -euo pipefail
out="$1"; shift
mkdir -p "$out"
here="$(cd "$(dirname "$0")/.." && pwd)"
export FONTCONFIG_FILE="$here/resources/fontconfig/gb-fonts.conf"
for file in "$@"; do
    profile="$(mktemp -d)"
    soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$out" "$file" >/dev/null
    rm -rf "$profile"
    stem="$(basename "${file%.*}")"
    pdftoppm -r 80 -png "$out/$stem.pdf" "$out/$stem"
done
ls "$out"
