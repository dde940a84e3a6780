"""What the portable bundle leaves out of what PyInstaller collects (used by packaging/gkdesk.spec).

gkdesk uses QtCore, QtGui, QtWidgets and QtPrintSupport only. Every other Qt module, plugin and translation is
left out, and so are the font libraries: the host's fontconfig reads the host's /etc/fonts configuration and finds
its Chinese fonts, which a bundled (older or newer) fontconfig may fail to do.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# Python modules the program never imports (pulled in only by optional code paths of libraries).
EXCLUDED_MODULES = [
    "tkinter", "unittest", "pydoc", "pydoc_data", "doctest", "test", "lib2to3", "idlelib", "ensurepip",
    "venv", "distutils", "setuptools", "pkg_resources", "pip", "sqlite3", "curses", "ssl", "_ssl",
    "_hashlib",  # hashlib then uses its built-in SHA-256 instead of OpenSSL (4.6 MB of libcrypto)
    "numpy", "pandas", "PIL", "matplotlib", "IPython", "pytest", "hypothesis",
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtSvg", "PySide6.QtDBus",
    "PySide6.QtOpenGL", "PySide6.QtTest", "PySide6.QtXml", "PySide6.QtConcurrent",
    "PySide6.QtSql", "PySide6.QtUiTools", "PySide6.QtDesigner", "PySide6.QtHelp",
]

# Qt plugin folders that are kept (by folder, then by file stem; None keeps the whole folder).
KEPT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"libqxcb", "libqoffscreen", "libqminimal", "qwindows", "qoffscreen", "qminimal"},
    "imageformats": {"libqico", "libqjpeg", "libqgif", "qico", "qjpeg", "qgif"},
    "platforminputcontexts": None,  # input methods (ibus, compose) on Linux
    "xcbglintegrations": None,
    "styles": None,  # the native Windows style
    "printsupport": None,  # printing to CUPS printers on Linux
}
# Qt translations: only the Simplified Chinese ones of qtbase (qt_zh_CN loads qtbase_zh_CN).
KEPT_TRANSLATIONS = {"qt_zh_CN.qm", "qtbase_zh_CN.qm"}
# Shared libraries never shipped: unused Qt modules, Wayland/EGL/OpenGL (X11 and Windows need none of them for
# widgets), the software OpenGL and shader compiler of Windows, and the host's font stack.
EXCLUDED_LIBRARIES = re.compile(
    r"(Qt6(Network|Qml|Quick|Svg|Wayland|WlShell|Pdf|OpenGL|EglFS|Designer|Labs|VirtualKeyboard|ShaderTools|Sql|Test"
    r"|Xml|Concurrent)|libfontconfig|libfreetype|libwayland|libEGL|libGLX|libGL\.|libOpenGL|opengl32sw|d3dcompiler)",
    re.IGNORECASE,
)
QT_FOLDERS_LEFT_OUT = {"qml", "metatypes", "libexec"}


def kept(dest: str) -> bool:
    """Whether a collected file (its path inside the bundle) goes into the portable folder."""
    parts = PurePath(dest.replace("\\", "/")).parts
    name = parts[-1]
    if "translations" in parts and name.endswith(".qm"):
        return name in KEPT_TRANSLATIONS
    if "plugins" in parts[:-1]:
        folder = parts[parts.index("plugins") + 1]
        if folder not in KEPT_PLUGINS:
            return False
        stems = KEPT_PLUGINS[folder]
        return stems is None or name.split(".")[0] in stems
    if QT_FOLDERS_LEFT_OUT.intersection(parts[:-1]):
        return False
    return not EXCLUDED_LIBRARIES.search(name)
