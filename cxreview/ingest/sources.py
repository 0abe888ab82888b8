"""Open input files: plain or gzip, a path or '-' for standard input; lines with numbers."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from cxreview.errors import InputError

FORMATS = ("jsonl", "csv")


@dataclass
class Source:
    """One input: a display name, its raw byte stream, and its size for progress."""

    name: str
    raw: BinaryIO
    size: int | None
    compressed: bool
    problems: list[str] = field(default_factory=list)

    def position(self) -> int:
        try:
            return self.raw.tell()
        except (OSError, ValueError):
            return 0

    def lines(self) -> Iterator[tuple[int, str]]:
        """Yield (line number, decoded line); undecodable lines go to ``problems``.

        A damaged or cut-off gzip stream is an InputError: nothing after it can be read.
        """
        stream: BinaryIO = self.raw
        if self.compressed:
            stream = gzip.GzipFile(fileobj=self.raw, mode="rb")  # type: ignore[assignment]
        number = 0
        try:
            for number, chunk in enumerate(stream, start=1):
                try:
                    line = chunk.decode("utf-8")
                except UnicodeDecodeError as exc:
                    # Keep reading: the user should see every bad line in one run.
                    self.problems.append(
                        f"{self.name}:{number}: not valid UTF-8 (byte {exc.start + 1} of the line); "
                        "save or re-export the file as UTF-8"
                    )
                    continue
                if number == 1 and line.startswith("\ufeff"):
                    line = line[1:]
                yield number, line
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
            raise InputError(
                f"{self.name}:{number + 1}: the gzip data is damaged or cut off ({exc})",
                "copy or download the file again",
            ) from None

    def close(self) -> None:
        if self.raw is not sys.stdin.buffer:
            self.raw.close()


def open_source(path: str) -> Source:
    if path == "-":
        raw = sys.stdin.buffer
        buffered = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[type-var]
        head = buffered.peek(2)[:2]  # type: ignore[attr-defined]
        return Source("<stdin>", buffered, None, head == b"\x1f\x8b")
    file_path = Path(path)
    if not file_path.exists():
        raise InputError(f"{path}: no such file", "check the path (use - to read standard input)")
    if file_path.is_dir():
        raise InputError(f"{path} is a folder", "pass the export files inside it, e.g. folder/*.jsonl")
    try:
        raw = open(file_path, "rb")  # noqa: SIM115 - closed by Source.close
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})", "check the file's permissions") from None
    head = raw.read(2)
    raw.seek(0)
    return Source(str(path), raw, os.path.getsize(file_path), head == b"\x1f\x8b")


def detect_format(path: str, explicit: str | None, first_line: str | None = None) -> str:
    """--format wins; else the extension (.jsonl/.ndjson/.json, .csv, optionally .gz)."""
    if explicit:
        return explicit
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".csv", ".tsv")):
        return "csv"
    if first_line is not None:
        return "jsonl" if first_line.lstrip().startswith("{") else "csv"
    raise InputError(f"{path}: cannot tell the format from the file name", "pass --format jsonl or --format csv")
