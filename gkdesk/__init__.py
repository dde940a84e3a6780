"""gkdesk — 政府信息公开工作年度报告 desktop tool."""

__version__ = "0.1.0"

# The package that defines the check kinds (gkdesk/checks/kinds/). The definition loader validates every check
# against them; it sits below the checks, so it imports this package by name, once, when it first needs the kinds
# (gkdesk/spec/check_kinds.py). Named here, where the program's packages are put together, not in gkdesk.spec.
CHECK_KINDS_PACKAGE = "gkdesk.checks.kinds"
