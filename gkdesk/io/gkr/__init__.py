"""gkdesk's own report file (.gkr): UTF-8 JSON with a file-format version and the edition."""

from gkdesk.io.gkr.json_file import FILE_VERSION, dumps, load_gkr, loads, report_to_dict, save_gkr

__all__ = ["FILE_VERSION", "dumps", "load_gkr", "loads", "report_to_dict", "save_gkr"]
