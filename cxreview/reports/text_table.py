"""A terminal table that fits any width: columns when they fit, one block per row when not.

Rich crops the last columns of a table whose words cannot fit the width (80 columns when
piped), and folds narrow columns mid-word. ``FitTable`` measures itself at render time: if
every column fits without breaking a word, it is a normal table (the first column takes the
room that is left, numbers are right-aligned); otherwise each row is printed as its first
cell followed by "column: value" pairs that wrap at words. Cells are Text, never markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_NUMBER = re.compile(r"^[-+]?\d[\d,.]*\s?%?$|^-$|^$")


class FitTable:
    """Columns and rows of plain strings (or rich Text), rendered to fit the console width."""

    def __init__(self, title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], caption: str = "") -> None:
        self.title = title
        self.columns = list(columns)
        self.rows = [list(row) for row in rows]
        self.caption = caption

    def table(self, widths: list[int] | None = None) -> Any:
        """A rich Table; ``widths`` fixes each column's width (see :meth:`widths`)."""
        from rich.table import Table
        from rich.text import Text

        table = Table(title=Text(self.title) if self.title else None, title_justify="left")
        for index, column in enumerate(self.columns):
            numeric = index > 0 and all(_NUMBER.match(_plain(row[index])) for row in self.rows)
            table.add_column(
                Text(column),
                justify="right" if numeric else "left",
                width=widths[index] if widths else None,
                overflow="fold",  # never needed with widths: a word never has to break
            )
        for row in self.rows:
            table.add_row(*[cell if not isinstance(cell, str) else Text(cell) for cell in row])
        if not self.rows:
            table.add_row(*[Text("-")] * len(self.columns))
        return table

    def widths(self, total: int) -> list[int] | None:
        """Column widths that fit ``total`` cells without breaking a word, or None. Every
        column starts at its longest word; the room left goes first to the columns whose cells
        need least to show on one line (numbers, names), the rest to long texts."""
        from rich.cells import cell_len

        def longest_word(text: str) -> int:
            return max((cell_len(word) for word in text.split()), default=1)

        def line(text: str) -> int:
            return max((cell_len(part) for part in text.splitlines()), default=1)

        cells = [[column] + [_plain(row[i]) for row in self.rows] for i, column in enumerate(self.columns)]
        low = [max([1, *(longest_word(text) for text in texts)]) for texts in cells]
        # Headers wrap at words: the room goes to what the cells need on one line.
        high = [max([low[i], *(line(text) for text in texts[1:])]) for i, texts in enumerate(cells)]
        room = total - 3 * len(self.columns) - 1  # a border and two spaces per column
        if sum(low) > room:
            return None
        widths = list(low)
        left = room - sum(low)
        for index in sorted(range(len(widths)), key=lambda i: high[i] - low[i]):
            grow = min(left, high[index] - low[index])
            widths[index] += grow
            left -= grow
        return widths

    def blocks(self) -> list[Any]:
        """One block per row: the first cell, then the others as "column: value", indented."""
        from rich.padding import Padding
        from rich.text import Text

        parts: list[Any] = [Text(self.title, style="bold")] if self.title else []
        for row in self.rows:
            first = _plain(row[0]) or "-"
            # A bare number alone on a line says nothing: "Id: 7".
            parts.append(Text(f"{self.columns[0]}: {first}" if _NUMBER.match(first) else first))
            pairs = Text()
            for column, cell in zip(self.columns[1:], row[1:], strict=True):
                value = " ".join(_plain(cell).split())
                if not column and not value:
                    continue
                if len(pairs):
                    pairs.append(" · ", style="dim")
                pairs.append(f"{column}: " if column else "", style="dim")
                pairs.append(value or "-")
            parts.append(Padding(pairs, (0, 0, 0, 2)))
        if not self.rows:
            parts.append(Text("-"))
        if self.caption:
            parts.append(Text(self.caption, style="dim"))
        return parts

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.text import Text

        widths = self.widths(options.max_width)
        if widths is None:
            yield from self.blocks()
            return
        yield self.table(widths)
        if self.caption:  # under the table, as wide as the screen (not as narrow as the table)
            yield Text(self.caption)


def _plain(cell: Any) -> str:
    return str(getattr(cell, "plain", cell))
