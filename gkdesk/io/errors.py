"""Errors raised while reading or writing report files; messages are for the user, in Chinese."""


class ReportFileError(Exception):
    """A file cannot be read or written as a report; str() says what and where."""
