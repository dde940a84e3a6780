"""Check kind `section_missing`: a section with neither a filled table nor text is reported missing."""

from __future__ import annotations

from gkdesk.checks.kind import CheckKind, NoParams
from gkdesk.checks.text import check_section_missing

KIND = CheckKind("section_missing", NoParams, check_section_missing)
