"""Bytes to text: BOMs honoured, binary refused, legacy 8-bit text read as Windows-1252."""
from __future__ import annotations

import codecs
import datetime as dt
import re
from typing import Optional

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in text files (tab, LF, CR, FF excluded).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode_bytes(data: bytes, nul_is_binary: bool = True) -> tuple[str, Optional[str]]:
    """Return ``(text, warning)``; raise :class:`InputError` for empty or binary data.

    UTF-8 is tried first; a byte-order mark selects UTF-8/16/32; anything else
    that is not binary is read as Windows-1252 (a superset of printable
    latin-1), with a warning so the user knows a guess was made. ``nul_is_binary=False``
    (JSON Lines, where a NUL byte spoils only its own line) lets a few NUL bytes through.
    """
    if not data.strip():
        raise InputError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError as e:
                raise InputError(f"invalid {codec} text after byte-order mark: {e.reason} at byte {e.start}")
    check_not_binary(data[:65536], nul_is_binary)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        text = data.decode("cp1252", errors="replace")
        return text, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); read as Windows-1252/latin-1"


def check_not_binary(sample: bytes, nul_is_binary: bool = True) -> None:
    if (nul_is_binary and b"\x00" in sample) or len(_BINARY_BYTES.findall(sample)) > max(2, len(sample) // 1000):
        raise InputError("binary file (control bytes found); expected text, JSON Lines, CSV, HTML or a feed")


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+\-Z]*)?\s*$")


def parse_date(value: object) -> dt.date:
    """A publication date from ``YYYY-MM-DD`` (a time part is allowed and dropped).

    Other common forms ("7 November 2023", RFC 822 from feeds) go through
    dateutil; impossible dates such as 2023-02-30 are refused, never guessed.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError("missing date")
    text = str(value)
    m = _ISO_DATE.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        try:
            return dt.date(y, mo, d)
        except ValueError as e:
            raise InputError(f"impossible date {text.strip()!r}: {e}")
    from dateutil import parser as du

    try:
        parsed = du.parse(text, default=dt.datetime(1, 1, 1), fuzzy=False)
    except (ValueError, OverflowError) as e:
        raise InputError(f"unparseable date {text.strip()[:40]!r}: {e}")
    if parsed.year == 1:
        raise InputError(f"date {text.strip()[:40]!r} has no year")
    return parsed.date()
