"""Word (.docx) export in the GB/T 9704 layout, and reading gkdesk's own .docx back. No Qt."""
