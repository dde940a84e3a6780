"""Start-up stays light: the readers, exporters, roll-up, template and review code load on first use.

Each case runs in a fresh interpreter (the test process itself has imported everything) and lists which
of the heavy modules ended up in sys.modules.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from tests.conftest import ROOT, SAMPLE_GKR

HEAVY = ("openpyxl", "docx", "lxml", "gkdesk.rollup", "gkdesk.template", "gkdesk.review.compare", "gkdesk.review.change_sheet")


def loaded_heavy_modules(code: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    script = textwrap.dedent(code) + textwrap.dedent(f"""
        import json, sys
        heavy = {heavy!r}
        print(json.dumps(sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy))))
        sys.stdout.flush()
        import os
        os._exit(0)  # the answer is out; interpreter shutdown is not what this test is about
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    output = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert output.returncode == 0, output.stderr
    loaded: list[str] = json.loads(output.stdout.strip().splitlines()[-1])
    return loaded


def test_the_window_module_loads_no_reader_exporter_rollup_template_or_review_code() -> None:
    assert loaded_heavy_modules("import gkdesk.ui.main_window") == []


# The window as the program opens it on a file (opened before it first shows).
WINDOW_ON_SAMPLE = f"""
    import os, tempfile
    os.environ["GKDESK_RECOVERY_DIR"] = tempfile.mkdtemp()
    from PySide6.QtCore import QSettings, QStandardPaths
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from gkdesk.ui.app import make_application
    app = make_application()
    from gkdesk.ui.main_window import MainWindow
    window = MainWindow()
    assert window.files.open_path({str(SAMPLE_GKR)!r}, ask=False)
    window.show()
    app.processEvents()
    window.activateWindow()
    app.processEvents()
    window.document.forget_changes()
"""


def test_the_window_opened_on_a_gkr_loads_none_of_them() -> None:
    assert loaded_heavy_modules(WINDOW_ON_SAMPLE) == []


# The section pages: the grid, the narrative editors and what they need load with the first section page shown.
SECTION_PAGES = ("gkdesk.ui.pages", "gkdesk.ui.grid_view", "gkdesk.ui.table_model", "gkdesk.ui.narrative_editor",
                 "gkdesk.ui.rich_text", "gkdesk.ui.paste_block", "gkdesk.ui.review_marks")


def test_a_window_showing_basic_information_loads_no_section_page_code() -> None:
    assert loaded_heavy_modules(WINDOW_ON_SAMPLE, SECTION_PAGES) == []


def test_the_first_section_page_shown_loads_it() -> None:
    shown = WINDOW_ON_SAMPLE + """
    window.show_page("requests")
    app.processEvents()
    """
    assert set(loaded_heavy_modules(shown, SECTION_PAGES)) == set(SECTION_PAGES)


def test_check_of_a_gkr_loads_none_of_them() -> None:
    code = f"""
        import contextlib, io
        from gkdesk.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            main(["check", {str(SAMPLE_GKR)!r}])
    """
    assert loaded_heavy_modules(code) == []


def test_the_check_really_ran_and_an_export_does_load_its_library() -> None:
    """The probe sees imports: a case that needs openpyxl shows it (so an empty list above means something)."""
    code = f"""
        import tempfile
        from pathlib import Path
        from gkdesk.io.gkr import load_gkr
        from gkdesk.ui.export_actions import exporter
        exporter(".xlsx")(load_gkr({str(SAMPLE_GKR)!r}), Path(tempfile.mkdtemp()) / "out.xlsx")
    """
    assert "openpyxl" in loaded_heavy_modules(code)
