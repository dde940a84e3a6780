"""gkdesk — 政府信息公开工作年度报告. Run `python main.py --help`."""

import sys

# gkdesk may run straight from a USB stick: never write __pycache__ folders beside the program.
sys.dont_write_bytecode = True

from gkdesk.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
