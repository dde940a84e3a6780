"""Reading and writing report files (.gkr, .docx, .xlsx). No Qt."""
