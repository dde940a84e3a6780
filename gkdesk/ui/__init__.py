"""The desktop editor (PySide6). The only package that imports Qt."""

from gkdesk.ui.none_refcount import keep_none_alive

keep_none_alive()
