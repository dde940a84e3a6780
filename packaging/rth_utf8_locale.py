# PyInstaller runtime hook: started with an empty environment (no LANG), Qt would warn that the "C" locale is
# not UTF-8 before switching to C.UTF-8 itself; choose C.UTF-8 up front instead.
import os
import sys

if not sys.platform.startswith("win") and not any(os.environ.get(name) for name in ("LC_ALL", "LC_CTYPE", "LANG")):
    os.environ["LC_CTYPE"] = "C.UTF-8"
