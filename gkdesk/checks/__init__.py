"""The checks: every rule of the format definition, evaluated by a small engine. No Qt, no eval."""

from gkdesk.checks.engine import run_checks
from gkdesk.checks.finding import Finding

__all__ = ["Finding", "run_checks"]
