"""Test set-up: Qt runs headless; settings and recovery files go to a temporary home."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

pytest_plugins = ["tests.qt_shutdown"]  # windows and the application deleted at the end of the run

SAMPLE_GKR = ROOT / "resources" / "samples" / "tongxin-2021.gkr"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
