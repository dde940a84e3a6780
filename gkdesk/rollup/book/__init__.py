"""The sheets of the roll-up workbook, each written in openpyxl's write-only mode. No Qt."""
