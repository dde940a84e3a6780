"""PySide6 asks every module imported after it whether it uses PySide6; gkdesk.ui answers from the file's bytes,
and the answers are PySide6's own."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from tests.conftest import ROOT

SCRIPT = textwrap.dedent("""
    import json, sys
    import PySide6.QtCore
    feature = sys.modules["shibokensupport.feature"]
    original = feature._mod_uses_pyside
    import gkdesk.ui
    import gkdesk.ui.app, gkdesk.spec.loader, json.decoder, math, PySide6.QtWidgets
    names = ["gkdesk.ui.app", "gkdesk.spec.loader", "json.decoder", "math", "sys", "PySide6.QtWidgets", "gkdesk.ui"]
    replaced = feature._mod_uses_pyside
    answers = {name: [original(sys.modules[name]), replaced(sys.modules[name])] for name in names}
    print(json.dumps({"replaced": replaced is not original, "answers": answers}))
""")


def test_the_answers_read_from_bytes_are_pysides_own() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["replaced"]
    answers = report["answers"]
    assert all(original == replaced for original, replaced in answers.values()), answers
    assert answers["gkdesk.ui.app"] == [True, True] and answers["json.decoder"] == [False, False]
