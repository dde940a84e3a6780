"""Routine paragraphs drafted from the report's figures, in the wording of the format definition. No Qt."""

from gkdesk.draft.compose import DraftFigure, DraftParagraph, draft_paragraphs
from gkdesk.draft.place import apply_drafts, with_drafts

__all__ = ["DraftFigure", "DraftParagraph", "apply_drafts", "draft_paragraphs", "with_drafts"]
