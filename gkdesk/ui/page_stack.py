"""The stack of pages (基本信息 + one per section) generated from the format definition; each page is built when
first shown (the first one when the window first shows), and all are dropped when the content or the edition
changes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from gkdesk.checks import Finding
from gkdesk.ui.basic_page import BasicInfoPage
from gkdesk.ui.document import ReportDocument
from gkdesk.ui.findings_panel import stated_figure
from gkdesk.ui.navigator import BASIC_KEY
from gkdesk.ui.prompts import Prompts

if TYPE_CHECKING:
    from gkdesk.ui.pages import TablePage


class LazyPages(Mapping[str, QWidget]):
    """Every page key; a page is built the first time it is asked for (a start opens one page, not seven)."""

    def __init__(self, stack: PageStack) -> None:
        self.stack = stack

    def __getitem__(self, key: str) -> QWidget:
        return self.stack.page(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.stack.keys)

    def __len__(self) -> int:
        return len(self.stack.keys)

    def __contains__(self, key: object) -> bool:
        return key in self.stack.keys


class PageStack(QStackedWidget):
    rebuilt = Signal()  # the pages are new widgets: whatever decorates them (批注 marks) must attach again
    pageBuilt = Signal(str)  # a page was built on its first view (key)

    def __init__(self, document: ReportDocument, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.prompts = prompts
        self.keys: list[str] = []
        self.built: dict[str, QWidget] = {}
        self.pages = LazyPages(self)
        self.edition = ""
        # Until the window first shows, the page in view is only named: a start that opens a file at once
        # builds the file's page, not first a blank report's (ensure_current builds it).
        self.deferred: str | None = BASIC_KEY
        self.rebuild()

    def rebuild(self) -> None:
        """Drop every page (new content or another edition); the current one is built again at once (once the
        window has shown)."""
        current = self.current_key()
        for page in self.built.values():
            self.removeWidget(page)
            page.deleteLater()
        self.built = {}
        self.keys = [BASIC_KEY] + [section.key for section in self.document.report.spec.sections]
        self.edition = self.document.report.edition
        current = current if current in self.keys else BASIC_KEY
        if self.deferred is not None:
            self.deferred = current
        else:
            self.show_page(current)
        self.rebuilt.emit()

    def ensure_current(self) -> None:
        """Build the page in view if it is only named yet (before the window's first layout)."""
        if self.deferred is not None:
            self.show_page(self.deferred)  # which ends the deferral

    def currentWidget(self) -> QWidget | None:
        """The page in view, built if need be."""
        self.ensure_current()
        return super().currentWidget()

    def page(self, key: str) -> QWidget:
        """The page of `key`, built now if it has not been shown yet."""
        page = self.built.get(key)
        if page is None:
            if key == BASIC_KEY:
                page = BasicInfoPage(self.document, self.prompts)
            else:
                from gkdesk.ui.pages import NarrativePage, TablePage  # the grid and the editors load with the first

                section = self.document.report.spec.section(key)
                page = TablePage(self.document, section) if section.table else NarrativePage(self.document, section)
            self.built[key] = page
            self.addWidget(page)
            self.pageBuilt.emit(key)
        return page

    def current_key(self) -> str:
        if self.deferred is not None:
            return self.deferred
        current = super().currentWidget()
        return next((key for key, page in self.built.items() if page is current), BASIC_KEY)

    def show_page(self, key: str) -> None:
        self.deferred = None
        self.setCurrentWidget(self.page(key if key in self.keys else BASIC_KEY))

    def has_table(self, key: str) -> bool:
        return key != BASIC_KEY and key in self.keys and bool(self.document.report.spec.section(key).table)

    def table_page(self, key: str) -> TablePage | None:
        """The page of a section with a table (built if need be); None for any other key."""
        return self._as_table_page(self.page(key)) if self.has_table(key) else None

    def built_table_page(self, key: str) -> TablePage | None:
        """The page of `key` if it is built and has a table (what decorates the grids attaches to these)."""
        return self._as_table_page(self.built[key]) if self.has_table(key) and key in self.built else None

    @staticmethod
    def _as_table_page(page: QWidget) -> TablePage | None:
        from gkdesk.ui.pages import TablePage  # loaded with the page

        return page if isinstance(page, TablePage) else None

    def reveal(self, finding: Finding) -> str:
        """Show the page of `finding` and select its cell or paragraph; returns the page key."""
        key = finding.section if finding.section in self.pages else BASIC_KEY
        self.show_page(key)
        page = self.pages[key]
        anchor = finding.anchor
        table_page = self.built_table_page(key)
        if table_page is not None:
            target = anchor if table_page.model.has_cell(anchor) else next(
                (c for c in finding.cells if table_page.model.has_cell(c)), None
            )
            if target is not None:
                table_page.grid.select_cell(target)
                return key
            table_page.show_notes(True)
        narrative = getattr(page, "narrative", None)
        if narrative is not None:
            number = int(anchor.split("#", 1)[1]) if "#" in anchor and anchor.split("#", 1)[1].isdigit() else 1
            # paragraph anchors count from 1; a text finding selects the figure it quotes
            narrative.select_paragraph(max(number - 1, 0), stated_figure(finding.message))
        return key
