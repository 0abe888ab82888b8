"""Open input files: plain or gzip, a path or '-' for standard input; lines with numbers."""

from __future__ import annotations

import csv
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
MB = 1024 * 1024
BLOCK = MB  # read (and decompress) this much at a time
# Checked from the first block on: a real export compresses 5-30 times, a bomb 1,000.
RATIO_CHECK_AFTER = MB
_STEP = 4096  # compressed bytes fed to zlib at a time: the ratio is exact to within this


@dataclass(frozen=True)
class Limits:
    """How much one input may hold; docs/formats.md documents them (import --max-... options).

    They keep memory flat and time bounded whatever the file: a line is never read past
    ``max_line_mb``, and a gzip member that expands like a decompression bomb is refused early.
    """

    max_line_mb: float = 16
    max_input_mb: float = 8192  # decompressed, per file
    max_gzip_ratio: float = 200

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, or CXREVIEW_MAX_LINE_MB / CXREVIEW_MAX_INPUT_MB / CXREVIEW_MAX_GZIP_RATIO."""
        values = {}
        for name in ("max_line_mb", "max_input_mb", "max_gzip_ratio"):
            raw = os.environ.get(f"CXREVIEW_{name.upper()}")
            if raw:
                try:
                    values[name] = float(raw)
                except ValueError:
                    raise InputError(
                        f'CXREVIEW_{name.upper()}="{raw}" is not a number', "set it to a number such as 64"
                    ) from None
        return cls(**values)


@dataclass
class Source:
    """One input: a display name, its raw byte stream, and its size for progress."""

    name: str
    raw: BinaryIO
    size: int | None
    compressed: bool
    problems: list[str] = field(default_factory=list)
    limits: Limits = field(default_factory=Limits)
    content_lines: int = 0  # lines that are not blank: tells "only blank lines" from "empty"

    def position(self) -> int:
        try:
            return self.raw.tell()
        except (OSError, ValueError):
            return 0

    def lines(self) -> Iterator[tuple[int, str]]:
        """Yield (line number, decoded line); undecodable lines go to ``problems``.

        A damaged or cut-off gzip stream is an InputError: nothing after it can be read.
        """
        number = 0
        for number, chunk in enumerate(self._capped(), start=1):
            if number == 1:
                _refuse_utf16(self.name, chunk)
            # A byte-order mark alone (Excel's empty export) is no content.
            if (chunk[3:] if number == 1 and chunk.startswith(b"\xef\xbb\xbf") else chunk).strip():
                self.content_lines += 1
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

    def _capped(self) -> Iterator[bytes]:
        """Lines (with their \\n) of at most ``max_line_mb``; memory stays flat in file size."""
        max_line = int(self.limits.max_line_mb * MB)
        # A CSV cell (quoted, over several lines) may be as long as a line, no longer.
        csv.field_size_limit(max_line)
        pending: list[bytes] = []  # the start of a line that continues in the next block
        pending_size = 0
        number = 0
        for block in self._blocks():
            parts = block.split(b"\n")
            if len(parts) == 1:  # no line end in this block
                pending.append(block)
                pending_size += len(block)
            else:
                parts[0] = b"".join([*pending, parts[0]])
                pending, pending_size = [parts[-1]], len(parts[-1])
                for part in parts[:-1]:
                    number += 1
                    if len(part) >= max_line:
                        self._too_long(number)
                    yield part + b"\n"
            if pending_size > max_line:
                self._too_long(number + 1)
        if pending_size:
            yield b"".join(pending)

    def _too_long(self, number: int) -> None:
        raise InputError(
            f"{self.name}:{number}: the line is longer than {self.limits.max_line_mb:g} MB "
            "(is this the right file? a conversation is rarely above 1 MB)",
            "if it is, raise the limit with --max-line-mb (or CXREVIEW_MAX_LINE_MB)",
        )

    def _blocks(self) -> Iterator[bytes]:
        """The (decompressed) bytes in blocks, within the size and gzip expansion limits.

        Gzip is decompressed here in small steps, so the compressed bytes behind every block
        are known exactly and a decompression bomb is refused at its first block.
        """
        limits = self.limits
        max_total = int(limits.max_input_mb * MB)
        total = 0
        gunzip = _Gunzip(self.raw, self.name) if self.compressed else None
        for block in gunzip or iter(lambda: self.raw.read(BLOCK), b""):
            total += len(block)
            if total > max_total:
                raise InputError(
                    f"{self.name}: the input is larger than {limits.max_input_mb:g} MB"
                    + (" decompressed" if self.compressed else ""),
                    "split the export, or raise the limit with --max-input-mb (or CXREVIEW_MAX_INPUT_MB)",
                )
            if gunzip and total >= RATIO_CHECK_AFTER and total > limits.max_gzip_ratio * gunzip.consumed:
                raise InputError(
                    f"{self.name}: the gzip data expands more than {limits.max_gzip_ratio:g} times "
                    f"({total:,} bytes from {gunzip.consumed:,}): it looks like a decompression bomb",
                    "if the file is genuine, raise the limit with --max-gzip-ratio (or CXREVIEW_MAX_GZIP_RATIO)",
                )
            yield block

    def close(self) -> None:
        if self.raw is not sys.stdin.buffer:
            self.raw.close()


class _Gunzip:
    """Decompress gzip members (several may follow each other) in blocks of at most BLOCK.

    Fed in small steps, so ``consumed`` (compressed bytes read) is exact to within _STEP.
    """

    def __init__(self, raw: BinaryIO, name: str) -> None:
        self.raw = raw
        self.name = name
        self.consumed = 0

    def __iter__(self) -> Iterator[bytes]:
        decompressor = zlib.decompressobj(wbits=31)
        in_member = False
        out: list[bytes] = []
        size = 0
        data = b""
        try:
            while True:
                if not data:
                    data = self.raw.read(_STEP)
                    if not data:
                        break
                    self.consumed += len(data)
                in_member = True
                piece = decompressor.decompress(data, BLOCK)
                data = decompressor.unconsumed_tail
                if piece:
                    out.append(piece)
                    size += len(piece)
                    if size >= BLOCK:
                        yield b"".join(out)
                        out, size = [], 0
                if decompressor.eof:  # a member ends; another may follow (cat a.gz b.gz)
                    in_member = False
                    data = decompressor.unused_data + data
                    if not data.startswith(b"\x1f\x8b"):
                        if data.strip(b"\x00") or self.raw.read(1).strip(b"\x00"):
                            raise zlib.error("unexpected data after the end of the gzip stream")
                        data = b""
                    decompressor = zlib.decompressobj(wbits=31)
        except zlib.error as exc:
            raise InputError(
                f"{self.name}: the gzip data is damaged or cut off ({exc})", "copy or download the file again"
            ) from None
        if in_member:
            raise InputError(
                f"{self.name}: the gzip data is damaged or cut off (it ends in the middle)",
                "copy or download the file again",
            )
        if out:
            yield b"".join(out)


def _refuse_utf16(name: str, first: bytes) -> None:
    """UTF-16 (Excel's "Unicode text", some Windows tools) reads as NUL-filled noise: say so."""
    if first.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(first) >= 4 and first.count(b"\x00") * 3 >= len(first)):
        raise InputError(
            f"{name}: this file is UTF-16 (or UTF-32) encoded, not UTF-8",
            "save it as UTF-8 (in Excel: Save As > CSV UTF-8) or convert it with "
            "'iconv -f UTF-16 -t UTF-8', then import again",
        )


def open_source(path: str, limits: Limits | None = None) -> Source:
    limits = limits or Limits.from_env()
    if path == "-":
        raw = sys.stdin.buffer
        buffered = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[type-var]
        head = buffered.peek(2)[:2]  # type: ignore[attr-defined]
        return Source("<stdin>", buffered, None, head == b"\x1f\x8b", limits=limits)
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
    return Source(str(path), raw, os.path.getsize(file_path), head == b"\x1f\x8b", limits=limits)


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
