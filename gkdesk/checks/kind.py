"""A check kind: the parameters its checks take (a frozen dataclass whose fields are the parameter names; a field
without a default is required), whether it compares with last year's report, its evaluation and, where Excel can
evaluate it, its formula rows on the .xlsx 校验 sheet."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, fields
from typing import Any

from gkdesk.checks.context import CheckContext
from gkdesk.checks.excel import ExcelRows
from gkdesk.checks.finding import Finding
from gkdesk.spec import Check, SpecError

Evaluator = Callable[[CheckContext, Check], list[Finding]]


@dataclass(frozen=True)
class NoParams:
    """The parameters of a kind that takes none."""


@dataclass(frozen=True)
class CheckKind:
    name: str
    params: type  # a frozen dataclass
    evaluate: Evaluator
    needs_previous: bool = False
    excel_rows: ExcelRows | None = None  # its live formula rows on the .xlsx 校验 sheet, if Excel can evaluate it

    def accepts(self) -> frozenset[str]:
        return frozenset(field.name for field in fields(self.params))

    def validate(self, params: Mapping[str, Any], where: str) -> None:
        """Refuse, at `where`, a check that leaves out a required parameter."""
        missing = [
            field.name
            for field in fields(self.params)
            if field.default is MISSING and field.default_factory is MISSING and field.name not in params
        ]
        if missing:
            raise SpecError(f"{where}：缺少 {', '.join(missing)}")
        self.params(**params)
