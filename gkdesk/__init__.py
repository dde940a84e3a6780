"""gkdesk — 政府信息公开工作年度报告 desktop tool."""

__version__ = "0.1.0"
