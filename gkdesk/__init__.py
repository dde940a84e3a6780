"""gkdesk — 政府信息公开工作年度报告 desktop tool."""

__version__ = "0.1.0"

# The definition loader (gkdesk.spec) validates checks against the kinds the checks package defines; the spec
# sits below the checks and never imports them, so the package that holds both installs the kinds here.
import gkdesk.checks.kinds  # noqa: F401
