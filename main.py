"""gkdesk — 政府信息公开工作年度报告. Run `python main.py --help`."""

import gc
import sys

# The bundled program started again by multiprocessing (a roll-up's worker, or its resource tracker): run that
# and leave. A Python run starts workers through the interpreter itself and never comes here.
if __name__ == "__main__" and getattr(sys, "frozen", False) and ("--multiprocessing-fork" in sys.argv or "-c" in sys.argv):
    import multiprocessing

    multiprocessing.freeze_support()

# Loading the program's modules makes no garbage worth a cyclic collection, yet the collector would scan the
# growing heap some eighty times on the way: it waits until a command runs or the window is up (gkdesk.cli and
# gkdesk.ui.app turn it on). Only in the program itself: a roll-up's worker process starts by running this file
# as "__mp_main__" and then reads files, with nothing to turn the collector back on.
if __name__ == "__main__":
    gc.disable()

# gkdesk may run straight from a USB stick: never write __pycache__ folders beside the program;
# compiled modules go to the user's cache folder (or gkdesk-data/ in portable mode) instead.
sys.dont_write_bytecode = True

from gkdesk.portable import cache_dir, use_bytecode_cache  # noqa: E402

use_bytecode_cache()

from gkdesk.spec.cache import use_definition_cache  # noqa: E402

use_definition_cache(cache_dir() / "definitions")  # the format definitions, parsed once and kept

from gkdesk.cli import main  # noqa: E402
from gkdesk.cli.exit import exit_now  # noqa: E402

if __name__ == "__main__":
    exit_now(main())
