"""Reports typed by others (.docx or .xlsx): their tables and text placed on the format by label matching."""
