"""gkdesk's own .docx and .xlsx: the report data embedded in them, and hand edits made after export."""
