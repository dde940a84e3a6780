# PyInstaller runtime hook in place of PyInstaller's own pyi_rth_pyside6: the same set-up, but the embedded
# qt.conf (Qt's prefix inside the bundle, so QLibraryInfo finds plugins and translations) is registered when
# PySide6.QtCore is first imported instead of at every start. The command-line verbs never load Qt, so they
# start as fast as `python main.py` does (Qt and ICU take about 0.2 s to load).
def _pyi_rthook() -> None:
    import importlib.abc
    import importlib.util
    import os
    import sys

    from _pyi_rth_utils import qt as qt_rth_utils

    bundle = sys._MEIPASS
    prefix = os.path.join(bundle, "PySide6") if sys.platform.startswith("win") else os.path.join(bundle, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(prefix, "plugins")
    if sys.platform.startswith("win"):
        os.environ["PATH"] = bundle + os.pathsep + os.environ.get("PATH", "")

    class AfterQtCore(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name != "PySide6.QtCore":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            if spec is None or spec.loader is None:
                return spec
            load = spec.loader.exec_module

            def exec_module(module):
                load(module)
                qt_rth_utils.create_embedded_qt_conf("PySide6", prefix)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, AfterQtCore())


_pyi_rthook()
del _pyi_rthook
