"""The JSON shape of `check --json` (also used by the roll-up): canonical keys, stated values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from gkdesk.checks.finding import Finding
from gkdesk.model import CellValue, Invalid, Report, Resolved


def json_number(value: CellValue) -> int | float | None:
    """Blank and unreadable cells are null; amounts become JSON numbers (4 decimals at most, exact in repr)."""
    if value is None or isinstance(value, Invalid):
        return None
    if isinstance(value, Decimal):
        return float(value)
    return value


def values_json(report: Report) -> dict[str, dict[str, dict[str, Any]]]:
    """{table: {row: {column: value}}} for every cell; totals as the report states them."""
    resolved = Resolved(report)
    values: dict[str, dict[str, dict[str, Any]]] = {}
    for table in report.spec.tables.values():
        rows: dict[str, dict[str, Any]] = {}
        for row in table.rows:
            rows[row.key] = {
                column.key: json_number(resolved.stated(table.cell_key(row.key, column.key))) for column in row.columns
            }
        values[table.key] = rows
    return values


def finding_json(finding: Finding) -> dict[str, Any]:
    return {"rule": finding.rule, "severity": finding.severity, "cells": list(finding.cells), "message": finding.message}


def check_json(file: str, report: Report, findings: list[Finding]) -> dict[str, Any]:
    return {
        "file": file,
        "format": report.edition,
        "organ": report.organ,
        "year": report.year,
        "values": values_json(report),
        "findings": [finding_json(finding) for finding in findings],
    }
