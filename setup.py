"""Packaging hook: an installed gkdesk carries forms/ and resources/ as package data in gkdesk/data/.

Everything else is declared in pyproject.toml; gkdesk.paths finds the data in either place.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_FOLDERS = ("forms", "resources")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        for folder in DATA_FOLDERS:
            self.copy_tree(folder, str(Path(self.build_lib) / "gkdesk" / "data" / folder))


setup(cmdclass={"build_py": BuildWithData})
