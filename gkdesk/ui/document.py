"""The open report as the window sees it: the document, its file, its undo stack and its findings."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from gkdesk.checks import Finding, run_checks
from gkdesk.io.gkr import save_gkr
from gkdesk.model import Change, Report, Resolved
from gkdesk.spec import CURRENT_EDITION, load_spec


def today() -> datetime.date:
    """Today's date (a function, so tests can fix it)."""
    return datetime.date.today()


def default_year() -> int:
    """The year a new report is for: last calendar year (reports are written early the next year), not before the
    current format's first year."""
    return max(load_spec(CURRENT_EDITION).first_year, today().year - 1)


class ReportDocument(QObject):
    """Owns one Report for the window's lifetime (contents are replaced on 新建/打开, listeners stay).

    Every change to the report re-runs the checks (once per batch, e.g. a paste) and emits signals.
    """

    changed = Signal(object)  # Change
    findingsChanged = Signal()
    reset = Signal()  # new content or another edition: pages are rebuilt
    stateChanged = Signal()  # path, dirty state or title

    def __init__(self, report: Report | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report = report or Report.new(default_year())
        self.path: Path | None = None
        self.suggested_path: Path | None = None  # what 另存为 offers for an untitled report (from a template)
        self.undo_stack = QUndoStack(self)
        self.findings: list[Finding] = []
        self.import_findings: list[Finding] = []  # problems met reading the opened file
        self.resolved = Resolved(self.report)
        self._batch_depth = 0
        self._pending: list[Change] = []
        self._recovered = False
        self.report.add_listener(self._on_change)
        # signal to signal: the connection goes with this object, before the undo stack (its child) is cleared
        # as it is destroyed — a window closed with 不保存 — which would otherwise emit on a deleted object
        self.undo_stack.cleanChanged.connect(self.stateChanged)
        self.recheck()

    # ------------------------------------------------------------ state

    @property
    def dirty(self) -> bool:
        return self._recovered or not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "未命名报告"

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self._recovered = False
        self.undo_stack.setClean()
        self.stateChanged.emit()

    def forget_changes(self) -> None:
        """Treat the current content as saved (used when the window must close without asking)."""
        self._recovered = False
        self.undo_stack.setClean()

    def load(
        self,
        report: Report,
        path: Path | None,
        recovered: bool = False,
        import_findings: list[Finding] | None = None,
        suggested_path: Path | None = None,
    ) -> None:
        """Show another report (新建, 打开, 恢复): the undo history starts afresh.

        `import_findings`: what reading the file met (unplaced cells…), shown with the checks until the next load.
        `suggested_path`: where 另存为 proposes to save an untitled report (a template's return name).
        """
        self.import_findings = list(import_findings or [])
        self.undo_stack.clear()
        self.path = path
        self.suggested_path = suggested_path
        self._recovered = recovered
        self.report.replace_content(report)
        self.undo_stack.setClean()
        self.stateChanged.emit()

    def save(self, path: Path) -> None:
        """Save atomically; ReportFileError propagates and the document stays as it was."""
        save_gkr(self.report, path)
        self.mark_saved(path)

    # ------------------------------------------------------------ changes

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group several report changes: the checks run once at the end."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._pending:
                pending, self._pending = self._pending, []
                self._after_changes(pending)

    def _on_change(self, change: Change) -> None:
        if self._batch_depth:
            self._pending.append(change)
        else:
            self._after_changes([change])

    def _after_changes(self, changes: list[Change]) -> None:
        if any(c.kind == "all" or (c.kind == "field" and c.key == "edition") for c in changes):
            self.recheck()
            self.reset.emit()
        else:
            self.recheck()
            for change in changes:
                self.changed.emit(change)
        if any(c.kind == "field" for c in changes):
            self.stateChanged.emit()

    def recheck(self) -> None:
        self.resolved = Resolved(self.report)
        try:
            self.findings = run_checks(self.report, resolved=self.resolved) + self.import_findings
        except Exception as error:  # a broken rule must not stop the clerk typing
            logging.getLogger(__name__).exception("checks failed")
            self.findings = [Finding("internal.check_failed", "error", (), f"审核程序出错：{error}", "overview", "overview")]
        self.findingsChanged.emit()

    def is_acknowledged(self, finding: Finding) -> bool:
        return finding.severity == "warning" and finding.key in self.report.acknowledgements

    def counts(self, section: str | None = None) -> tuple[int, int]:
        """(errors, open warnings), over one section or all."""
        errors = warnings = 0
        for finding in self.findings:
            if section is not None and finding.section != section:
                continue
            if finding.is_error:
                errors += 1
            elif not self.is_acknowledged(finding):
                warnings += 1
        return errors, warnings
