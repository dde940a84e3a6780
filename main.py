"""gkdesk — 政府信息公开工作年度报告. Run `python main.py --help`."""

import sys

from gkdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
