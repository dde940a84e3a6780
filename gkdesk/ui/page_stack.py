"""The stack of pages (基本信息 + one per section), rebuilt from the format definition when the edition changes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from gkdesk.checks import Finding
from gkdesk.ui.basic_page import BasicInfoPage
from gkdesk.ui.document import ReportDocument
from gkdesk.ui.findings_panel import stated_figure
from gkdesk.ui.navigator import BASIC_KEY
from gkdesk.ui.pages import NarrativePage, TablePage
from gkdesk.ui.prompts import Prompts


class PageStack(QStackedWidget):
    rebuilt = Signal()  # the pages are new widgets: whatever decorates them (批注 marks) must attach again

    def __init__(self, document: ReportDocument, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.prompts = prompts
        self.pages: dict[str, QWidget] = {}
        self.edition = ""
        self.rebuild()

    def rebuild(self) -> None:
        """Generate every page afresh (new content or another edition)."""
        current = self.current_key()
        for page in self.pages.values():
            self.removeWidget(page)
            page.deleteLater()
        self.pages = {BASIC_KEY: BasicInfoPage(self.document, self.prompts)}
        for section in self.document.report.spec.sections:
            page = TablePage(self.document, section) if section.table else NarrativePage(self.document, section)
            self.pages[section.key] = page
        for page in self.pages.values():
            self.addWidget(page)
        self.edition = self.document.report.edition
        if current in self.pages:
            self.show_page(current)
        self.rebuilt.emit()

    def current_key(self) -> str:
        for key, page in self.pages.items():
            if page is self.currentWidget():
                return key
        return BASIC_KEY

    def show_page(self, key: str) -> None:
        self.setCurrentWidget(self.pages.get(key, self.pages[BASIC_KEY]))

    def table_page(self, key: str) -> TablePage | None:
        page = self.pages.get(key)
        return page if isinstance(page, TablePage) else None

    def reveal(self, finding: Finding) -> str:
        """Show the page of `finding` and select its cell or paragraph; returns the page key."""
        key = finding.section if finding.section in self.pages else BASIC_KEY
        self.show_page(key)
        page = self.pages[key]
        anchor = finding.anchor
        if isinstance(page, TablePage):
            target = anchor if page.model.has_cell(anchor) else next(
                (c for c in finding.cells if page.model.has_cell(c)), None
            )
            if target is not None:
                page.grid.select_cell(target)
                return key
        if isinstance(page, TablePage):
            page.show_notes(True)
        narrative = getattr(page, "narrative", None)
        if narrative is not None:
            number = int(anchor.split("#", 1)[1]) if "#" in anchor and anchor.split("#", 1)[1].isdigit() else 1
            # paragraph anchors count from 1; a text finding selects the figure it quotes
            narrative.select_paragraph(max(number - 1, 0), stated_figure(finding.message))
        return key
