"""Qt's own texts (dialog buttons, the text context menu, file dialogs) in Simplified Chinese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gkdesk import paths

CATALOGUES = ("qtbase_zh_CN", "qt_zh_CN")
LOCALE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
_installed: list[QTranslator] = []  # kept alive for the application's lifetime


def translation_folders() -> list[Path]:
    """Where Qt's .qm files are: the PySide6 installation, then beside a bundled program (PyInstaller)."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    bundle = paths.bundle_dir()
    if bundle:
        folders += [bundle / "PySide6" / "Qt" / "translations", bundle / "PySide6" / "translations"]
    return folders


def install_chinese(app: QCoreApplication) -> list[QTranslator]:
    """Load Qt's Chinese catalogues once per application; returns the installed translators."""
    QLocale.setDefault(LOCALE)
    if _installed:
        return list(_installed)
    for name in CATALOGUES:
        for folder in translation_folders():
            translator = QTranslator(app)
            if translator.load(name, str(folder)):
                app.installTranslator(translator)
                _installed.append(translator)
                break
    return list(_installed)
