"""Templates (.gkt) the county hands out on USB sticks: data only, checksummed, opened as a new report. No Qt.

A template is not registered as a report reader: opening one is not reading a report (it needs a unit
picked, shows instructions and flags alteration), and a roll-up over a stick must not count the template.
"""

from gkdesk.template.gkt import (
    SUFFIX,
    OpenedTemplate,
    content_checksum,
    dumps_template,
    loads_template,
    open_template,
    save_template,
)
from gkdesk.template.instantiate import (
    fill_remaining_placeholders,
    placeholder_values,
    report_from_template,
    safe_file_part,
    suggested_return_name,
)
from gkdesk.template.model import Template, Unit, fill_placeholders, unit_key

__all__ = [
    "SUFFIX",
    "OpenedTemplate",
    "Template",
    "Unit",
    "content_checksum",
    "dumps_template",
    "fill_placeholders",
    "fill_remaining_placeholders",
    "loads_template",
    "open_template",
    "placeholder_values",
    "report_from_template",
    "safe_file_part",
    "save_template",
    "suggested_return_name",
    "unit_key",
]
