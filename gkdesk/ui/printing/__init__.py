"""The report's printed pages drawn by Qt: the PDF export, 打印 and 打印预览 all paint the same pages."""
