"""The kinds of file a report is read from, by suffix (light: the window's dialogs use it before any reader loads)."""

from __future__ import annotations

REPORT_SUFFIXES = (".gkr", ".docx", ".xlsx", ".html", ".htm", ".mht", ".mhtml", ".doc", ".wps", ".xls", ".et")
WEB_PAGE_SUFFIXES = (".html", ".htm", ".mht", ".mhtml")
CONVERTED_SUFFIXES = (".doc", ".wps", ".xls", ".et")  # old binary files, read after LibreOffice converts them


def file_patterns(suffixes: tuple[str, ...] = REPORT_SUFFIXES) -> str:
    """“*.gkr *.docx …” for open dialogs."""
    return " ".join(f"*{suffix}" for suffix in suffixes)
