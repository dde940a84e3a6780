"""Column widths of a printed table: readable label columns, value columns sharing the rest equally."""

from __future__ import annotations

from gkdesk.spec import GridCell, Table, TableLayout

PT_TO_MM = 25.4 / 72
OUTER_LABEL_CHARS = 4.0  # e.g. 三、本年度办理结果 wraps over its tall merged cell
INNER_LABEL_CHARS = 12.0  # the row labels proper: most of table 三's fit on one line, the longest on three
SLACK_CHARS = 0.5  # renderers differ slightly in glyph advance
VALUE_CHARS = 3.0  # a value column holds a three-character header (自然人) and a six-digit count on one line


def column_widths_mm(
    table: Table, layout: TableLayout, total_mm: float, font_pt: float, padding_mm: float
) -> list[float]:
    """Widths summing to `total_mm`; label columns sized in characters of `font_pt`, capped, and the
    innermost label column narrowed if the value columns would get too narrow for their numbers."""
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
    n_values = layout.n_cols - n_labels
    min_value = VALUE_CHARS * char_mm + 2 * padding_mm
    spare = total_mm - sum(widths) - n_values * min_value
    if spare < 0:
        widths[-1] = max(widths[-1] + spare, (OUTER_LABEL_CHARS + SLACK_CHARS) * char_mm + 2 * padding_mm)
    remaining = total_mm - sum(widths)
    return widths + [remaining / n_values] * n_values


def left_aligned_columns(
    table: Table, layout: TableLayout, widths: list[float], font_pt: float, padding_mm: float
) -> frozenset[int]:
    """Label columns whose one-cell row labels are set flush left: those where some label wraps, so that
    all labels of the column line up (centred labels of mixed length look ragged)."""
    char_mm = font_pt * PT_TO_MM
    columns = set()
    for cell in layout.cells:
        if is_row_label(cell) and cell.col < table.label_columns:
            fits = int((widths[cell.col] - 2 * padding_mm) / char_mm)
            if len(cell.text) > fits:
                columns.add(cell.col)
    return frozenset(columns)


def is_row_label(cell: GridCell) -> bool:
    """A label in a single grid cell (spanning labels stay centred over their span)."""
    return cell.kind == "label" and cell.colspan == 1 and cell.rowspan == 1
