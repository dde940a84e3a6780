"""The menu bar: 文件/编辑/审核/汇总/帮助, reachable by key so other modules can add their actions."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMenuBar

MENUS = (
    ("file", "文件(&F)"),
    ("edit", "编辑(&E)"),
    ("review", "审核(&R)"),
    ("rollup", "汇总(&U)"),
    ("help", "帮助(&H)"),
)


class MenuRegistry:
    """Menus by key ("file", "edit", "review", "rollup", "help"); a module adds its actions with menu(key)."""

    def __init__(self, menubar: QMenuBar) -> None:
        self.menus: dict[str, QMenu] = {}
        for key, title in MENUS:
            menu = menubar.addMenu(title)
            menu.setObjectName(f"menu-{key}")
            self.menus[key] = menu

    def menu(self, key: str) -> QMenu:
        return self.menus[key]
