"""No two entries of one menu share an accelerator letter (Alt+letter would pick one and not the other): the menu
bar's titles, every menu and submenu, the 导出 button's menu, the grid's context menu, the recent files."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from gkdesk.ui.main_window import MainWindow
from gkdesk.ui.pages import TablePage
from gkdesk.ui.settings import MAX_RECENT


def accelerator(text: str) -> str | None:
    """The letter after a single “&” (“&&” is a literal ampersand), lower-cased; None without one."""
    index = 0
    while (index := text.find("&", index)) != -1 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return None


def clashes(menu: QMenu | QMenuBar) -> dict[str, list[str]]:
    """Accelerator letters held by more than one entry of `menu` (its own entries, not its submenus')."""
    holders: dict[str, list[str]] = {}
    for action in menu.actions():
        letter = None if action.isSeparator() else accelerator(action.text())
        if letter is not None:
            holders.setdefault(letter, []).append(action.text())
    return {letter: texts for letter, texts in holders.items() if len(texts) > 1}


def every_menu(window: MainWindow) -> list[QMenu | QMenuBar]:
    """The menu bar, each menu reachable from it (submenus too), and every other menu the window holds."""
    found: list[QMenu | QMenuBar] = []
    waiting: list[QMenu | QMenuBar] = [window.menuBar(), *window.findChildren(QMenu)]
    while waiting:
        menu = waiting.pop()
        if menu in found:
            continue
        found.append(menu)
        waiting += [action.menu() for action in menu.actions() if isinstance(action.menu(), QMenu)]
    return found


def _name(menu: QWidget) -> str:
    return menu.objectName() or getattr(menu, "title", lambda: "")() or type(menu).__name__


def test_accelerators_are_read_as_qt_reads_them() -> None:
    assert accelerator("打印(&P)…") == "p"
    assert accelerator("A&&B(&c)") == "c"
    assert accelerator("（无）") is None and accelerator("R&&D") is None and accelerator("尾&") is None
    assert clashes(_menu_of("保存(&S)", "另存为(&A)…", "全选(&a)")) == {"a": ["另存为(&A)…", "全选(&a)"]}


def _menu_of(*texts: str) -> QMenu:
    menu = QMenu()
    for text in texts:
        menu.addAction(text)
    return menu


def test_no_menu_of_the_window_has_two_entries_on_one_letter(make_window: Any) -> None:
    window = make_window()
    for number in range(MAX_RECENT):  # a full 最近打开的文件 menu (&1 … &8)
        window.preferences.add_recent(f"/报告/{number}.gkr")
    window.files._fill_recent()
    page = next(page for page in window.page_stack.pages.values() if isinstance(page, TablePage))
    window.grid_actions.context_menu(page.grid)
    menus = every_menu(window)
    names = {_name(menu) for menu in menus}
    assert {"QMenuBar", "menu-file", "menu-edit", "menu-fill-blanks", "gridContextMenu"} <= names
    assert len(window.files.recent_menu.actions()) == MAX_RECENT
    found = {_name(menu): clash for menu in menus if (clash := clashes(menu))}
    assert found == {}
