"""Deterministic end of a test run that used Qt: every window closed and deleted, then the application,
while Python is still whole — never left to interpreter shutdown, where PySide6 objects dying in any order
have aborted runs ("Fatal Python error: bool_dealloc", exit 134) after every test had passed."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest


def shut_down_qt() -> None:
    """Close and delete every top-level widget, then the QApplication."""
    widgets_module = sys.modules.get("PySide6.QtWidgets")
    if widgets_module is None:  # this run never imported Qt's widgets
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    application = widgets_module.QApplication.instance()
    if application is None:
        return
    left = list(widgets_module.QApplication.topLevelWidgets())
    for widget in left:
        widget.close()
        widget.deleteLater()
    for _ in range(3):  # deleteLater of a widget can post more deletions (its children's timers, models)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    del left
    gc.collect()
    application.shutdown()
    gc.collect()


@pytest.fixture(scope="session", autouse=True)
def qt_shut_down_at_the_end() -> Iterator[None]:
    """Set up before any Qt fixture, so it is torn down after all of them."""
    yield
    shut_down_qt()
