"""Read any report file together with what reading it found (problems, hand edits)."""

from gkdesk.io.open import read_with_result

__all__ = ["read_with_result"]
