#!/usr/bin/env bash
# Build the portable gkdesk (runs without Python or installation, e.g. from a USB stick):
#   bash scripts/build-portable.sh
# makes dist/gkdesk/ (executable gkdesk, the sample, 使用说明.txt, gkdesk-portable.ini) and
# dist/gkdesk-<version>-linux-x86_64.zip of that folder. Installs the pinned build tools first (scripts/setup.sh --test).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
python=.venv/bin/python
version="$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
archive="dist/gkdesk-$version-linux-$(uname -m).zip"

rm -rf dist/gkdesk "$archive"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/gkdesk.spec
"$python" - "$archive" <<'PY'
"""Zip dist/gkdesk as gkdesk/...: UTF-8 names, executable bits and symbolic links kept."""
import os
import stat
import sys
import zipfile
from pathlib import Path

archive, folder = Path(sys.argv[1]), Path("dist/gkdesk")
with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder.parent).as_posix()
        if path.is_symlink():
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zipped.writestr(info, os.readlink(path))
        elif path.is_file():
            zipped.write(path, name)
PY
echo "dist/gkdesk: $(du -sh dist/gkdesk | cut -f1) unpacked; $archive: $(du -h "$archive" | cut -f1)"
