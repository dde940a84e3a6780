"""Reviewing returned reports: comments (批注), compare, 修改说明. No Qt."""
