"""Column widths of a printed table: readable label columns, value columns sharing the rest equally."""

from __future__ import annotations

from gkdesk.spec import Table, TableLayout

PT_TO_MM = 25.4 / 72
OUTER_LABEL_CHARS = 4.0  # e.g. 三、本年度办理结果 wraps over its tall merged cell
INNER_LABEL_CHARS = 7.0
SLACK_CHARS = 0.5  # renderers differ slightly in glyph advance  # the row labels proper


def column_widths_mm(
    table: Table, layout: TableLayout, total_mm: float, font_pt: float, padding_mm: float
) -> list[float]:
    """Widths summing to `total_mm`; label columns sized in characters of `font_pt`, capped."""
    n_labels = table.label_columns
    if n_labels == 0:
        return [total_mm / layout.n_cols] * layout.n_cols
    char_mm = font_pt * PT_TO_MM
    longest = [0] * n_labels
    for cell in layout.cells:
        if cell.kind == "label" and cell.colspan == 1 and cell.col < n_labels:
            longest[cell.col] = max(longest[cell.col], len(cell.text))
    widths = []
    for col in range(n_labels):
        cap = INNER_LABEL_CHARS if col == n_labels - 1 else OUTER_LABEL_CHARS
        chars = min(float(max(longest[col], 2)), cap) + SLACK_CHARS
        widths.append(chars * char_mm + 2 * padding_mm)
    remaining = total_mm - sum(widths)
    n_values = layout.n_cols - n_labels
    return widths + [remaining / n_values] * n_values
