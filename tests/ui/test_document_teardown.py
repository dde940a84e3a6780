"""A window closed with unsaved changes (不保存) is destroyed with a dirty undo stack: nothing is said on the way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6

from gkdesk.ui.commands import SetFieldCommand
from gkdesk.ui.document import ReportDocument


def test_destroying_a_document_with_unsaved_changes_prints_no_traceback(isolated: Path, capfd: Any) -> None:
    document = ReportDocument()
    document.undo_stack.push(SetFieldCommand(document, "organ", "某某镇人民政府", "机关名称"))
    assert document.dirty
    capfd.readouterr()
    shiboken6.delete(document)  # the undo stack, its child, is cleared as it goes
    assert "Traceback" not in capfd.readouterr().err


def test_the_first_unsaved_change_and_undoing_it_are_announced(isolated: Path) -> None:
    document = ReportDocument()
    announced: list[bool] = []
    document.stateChanged.connect(lambda: announced.append(document.dirty))
    document.undo_stack.push(SetFieldCommand(document, "organ", "某某镇人民政府", "机关名称"))
    document.undo_stack.undo()
    assert announced[-1] is False and True in announced  # the last word is the clean state after undoing
    shiboken6.delete(document)
