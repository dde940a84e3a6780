"""The desktop editor (PySide6). The only package that imports Qt."""

import PySide6.QtCore  # noqa: F401  (loads PySide6's import hook, made cheap below)

from gkdesk.ui.feature_check import read_feature_use_from_bytes
from gkdesk.ui.none_refcount import keep_none_alive

keep_none_alive()
read_feature_use_from_bytes()
