"""Check kind `basic_info`: the title and the opening have the definition's required 基本信息 fields."""

from __future__ import annotations

from gkdesk.checks.kind import CheckKind, NoParams
from gkdesk.checks.text import check_basic_info

KIND = CheckKind("basic_info", NoParams, check_basic_info)
