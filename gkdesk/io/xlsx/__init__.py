"""Excel (.xlsx): export in the official table layouts, reading gkdesk's own .xlsx back and others' by labels. No Qt."""
