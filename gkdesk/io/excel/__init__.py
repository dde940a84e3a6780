"""Excel (.xlsx) export in the official table layouts, and reading gkdesk's own .xlsx back. No Qt."""
