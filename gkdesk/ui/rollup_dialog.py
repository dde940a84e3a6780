"""汇总: pick a folder (e.g. the stick) or files and optionally the template; a progress bar with 取消;
then the result (completeness, refused files, the totals in the official tables, two charts) and
导出汇总表 / 生成本级报告."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gkdesk.io.errors import ReportFileError
from gkdesk.io.open import READERS
from gkdesk.model import Report
from gkdesk.rollup import RollupResult, county_report, write_rollup_xlsx
from gkdesk.rollup.collect import output_conflict
from gkdesk.rollup.figures import ChartData
from gkdesk.rollup.previous import Previous, load_previous
from gkdesk.template import OpenedTemplate, open_template
from gkdesk.ui.prompts import REPORT_FILTER
from gkdesk.ui.rollup_result import RollupResultView
from gkdesk.ui.rollup_worker import RollupWorker

PREVIOUS_FILTER = "上年汇总表或报告 (*.xlsx *.gkr *.docx);;所有文件 (*)"


class RollupDialog(QDialog):
    """Runs a roll-up and shows it. `county_requested` carries the county report to open in the window."""

    county_requested = Signal(object)  # Report

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("汇总各单位报告")
        self.resize(1100, 700)
        self.sources: list[str] = []
        self.opened_template: OpenedTemplate | None = None
        self.rolled: RollupResult | None = None
        self.worker: RollupWorker | None = None
        self.previous: Previous | None = None  # last year's figures, for the export's comparison chart

        self.sources_label = QLabel("尚未选择", self)
        self.template_label = QLabel("（无模板：按多数报告的年度汇总）", self)
        self.choose_folder = QPushButton("选择文件夹…", self)
        self.choose_files = QPushButton("选择文件…", self)
        self.choose_template = QPushButton("选择模板…", self)
        self.start_button = QPushButton("开始汇总", self)
        self.start_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setFormat("%v / %m")
        self.current = QLabel(self)
        self.cancel_button = QPushButton("取消", self)
        self.cancel_button.setEnabled(False)
        self.tabs = RollupResultView(self)
        self.units, self.refused = self.tabs.units, self.tabs.refused
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.county_organ = QLineEdit(self)
        self.county_organ.setPlaceholderText("本级机关名称，如：某某县人民政府")
        self.export_button = QPushButton("导出汇总表…", self)
        self.county_button = QPushButton("生成本级报告", self)
        self.county_button.setToolTip("新建本级的年度报告，表格预填全县合计数，在主窗口中撰写文字部分")
        self.previous_button = QPushButton("上年数据…", self)
        self.previous_button.setToolTip("选择上年的汇总表或本级报告：导出的汇总表中加一幅本年与上年的比较图")
        self.close_button = QPushButton("关闭", self)
        for button in (self.export_button, self.county_button):
            button.setEnabled(False)

        top = QHBoxLayout()
        for widget in (self.choose_folder, self.choose_files, self.choose_template, self.start_button):
            top.addWidget(widget)
        top.addStretch(1)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.county_organ, 1)
        bottom.addWidget(self.county_button)
        bottom.addWidget(self.previous_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sources_label)
        layout.addWidget(self.template_label)
        layout.addLayout(progress_row)
        layout.addWidget(self.current)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.county_button.clicked.connect(self._emit_county)
        self.choose_folder.clicked.connect(self._pick_folder)
        self.choose_files.clicked.connect(self._pick_files)
        self.choose_template.clicked.connect(self._pick_template)
        self.export_button.clicked.connect(self._export)
        self.previous_button.clicked.connect(self._pick_previous)

    # ------------------------------------------------------------ choosers (scripted in tests)

    def ask_folder(self) -> str | None:
        return QFileDialog.getExistingDirectory(self, "选择要汇总的文件夹（如U盘）") or None

    def ask_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(self, "选择要汇总的报告", "", REPORT_FILTER)
        return files

    def ask_template(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, "选择模板", "", "gkdesk 模板 (*.gkt)")
        return path or None

    def ask_previous(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, "选择上年的汇总表或报告", "", PREVIOUS_FILTER)
        return path or None

    def ask_export_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, "导出汇总表", suggested, "Excel 工作簿 (*.xlsx)")
        if path and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return path or None

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.critical(self, title, text)

    def _pick_folder(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.set_sources([folder])

    def _pick_files(self) -> None:
        files = self.ask_files()
        if files:
            self.set_sources(files)

    def _pick_template(self) -> None:
        path = self.ask_template()
        if not path:
            return
        try:
            self.set_template(open_template(path))
        except ReportFileError as error:
            self.show_error("无法打开模板", str(error))

    def _pick_previous(self) -> None:
        path = self.ask_previous()
        if not path:
            return
        try:
            self.previous = load_previous(path)
        except ReportFileError as error:
            self.show_error("无法读取上年数据", str(error))
            return
        year = f"{self.previous.year} 年度" if self.previous.year else "上年"
        self.previous_button.setText(f"上年数据：{year}")
        self.previous_button.setToolTip(f"{self.previous.source}：导出的汇总表中加一幅本年与{year}的比较图")

    def _export(self) -> bool:
        if self.rolled is None:
            return False
        folder = Path(self.sources[0]) if self.sources and Path(self.sources[0]).is_dir() else Path(".")
        path = self.ask_export_path(str(folder / f"{self.rolled.year or ''}年度政府信息公开年报汇总.xlsx"))
        if not path:
            return False
        conflict = output_conflict(self.sources, READERS, path, None)
        if conflict:
            self.show_error("无法导出汇总表", conflict)
            return False
        try:
            write_rollup_xlsx(self.rolled, Path(path), self.previous)
        except ReportFileError as error:
            self.show_error("无法导出汇总表", str(error))
            return False
        self.summary.setText(f"{self.summary.text()}　已导出：{path}")
        return True

    # ------------------------------------------------------------ inputs

    def set_sources(self, sources: list[str]) -> None:
        self.sources = sources
        self.sources_label.setText("汇总范围：" + "；".join(sources) if sources else "尚未选择")
        self.start_button.setEnabled(bool(sources) and self.worker is None)

    def set_template(self, opened: OpenedTemplate | None) -> None:
        self.opened_template = opened
        if opened is None:
            self.template_label.setText("（无模板：按多数报告的年度汇总）")
            return
        template = opened.template
        text = f"模板：{opened.path.name}（{template.year} 年度，{len(template.units)} 个应报送单位）"
        self.template_label.setText(f"{text}　{opened.warning}" if opened.altered else text)

    # ------------------------------------------------------------ running

    def start(self) -> None:
        if not self.sources or self.worker is not None:
            return
        self._clear_result()
        template = self.opened_template.template if self.opened_template else None
        self.worker = RollupWorker(self.sources, template)
        self.worker.progressed.connect(self._on_progress)
        self.worker.succeeded.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        self.worker.cancelled.connect(self._on_cancelled)
        self.worker.finished.connect(self._on_finished)
        for widget in (self.start_button, self.choose_folder, self.choose_files, self.choose_template):
            widget.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.summary.setText("正在汇总…")
        self.worker.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.summary.setText("正在取消…")

    def running(self) -> bool:
        return self.worker is not None

    def _on_progress(self, done: int, total: int, name: str) -> None:
        if total == 0:  # nothing to read: an empty bar, not "0 / 1"
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setFormat("0 / 0")
        else:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat("%v / %m")
        self.current.setText(f"正在读取：{name}" if name else "")

    def _on_finished(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None
        self.cancel_button.setEnabled(False)
        for widget in (self.choose_folder, self.choose_files, self.choose_template):
            widget.setEnabled(True)
        self.start_button.setEnabled(bool(self.sources))
        self.current.clear()

    def _on_cancelled(self) -> None:
        self.summary.setText("已取消汇总。")

    def _on_failed(self, message: str) -> None:
        self.summary.setText(f"汇总失败：{message}")

    def _on_done(self, result: RollupResult, charts: ChartData) -> None:
        self.rolled = result
        self.tabs.show_result(result, charts)
        self._summarise(result)
        ready = result.totals is not None
        self.export_button.setEnabled(ready)
        self.county_button.setEnabled(ready)

    # ------------------------------------------------------------ showing

    def _summarise(self, result: RollupResult) -> None:
        counted, missing = result.counted_count, result.missing_count
        errors = sum(1 for f in result.total_findings if f.is_error)
        year = f"{result.year} 年度" if result.year else ""
        self.summary.setText(
            f"{year}：计入合计 {counted} 个单位，未报送 {missing} 个，未受理文件 {len(result.refused)} 个；"
            f"合计数校验：{errors} 个错误。"
            if result.totals is not None
            else result.nothing_reason
        )

    def _clear_result(self) -> None:
        if self.rolled is not None:
            self.rolled.close()
        self.rolled = None
        self.tabs.clear()
        self.export_button.setEnabled(False)
        self.county_button.setEnabled(False)

    def county(self) -> Report:
        assert self.rolled is not None
        template = self.opened_template.template if self.opened_template else None
        return county_report(self.rolled, self.county_organ.text(), template=template)

    def _emit_county(self) -> None:
        if self.rolled is not None and self.rolled.totals is not None:
            self.county_requested.emit(self.county())

    def done(self, code: int) -> None:  # closing while running cancels and waits for the worker
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
        if self.rolled is not None:
            self.rolled.close()
            self.rolled = None
        super().done(code)
