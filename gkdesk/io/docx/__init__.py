"""Word (.docx): export in the GB/T 9704 layout, reading gkdesk's own .docx back and others' by labels. No Qt."""
