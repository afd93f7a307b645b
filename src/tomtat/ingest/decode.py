"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258; else a clear error."""
from __future__ import annotations

import codecs
import unicodedata

from tomtat.core.errors import DecodeError

# Letters only Vietnamese uses (after NFC): their share tells a right decoding from a wrong one.
# Letters shared with Western European languages (é, à, â, ô...) are left out: Latin-1 French
# or German read as Windows-1258 must not pass for Vietnamese.
_VIETNAMESE = {c for c in "ăâđêôơưĂÂĐÊÔƠƯ" "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
               if ord(c) > 0xFF}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: an image, an archive, a PDF..."""
    sample = data[:8192]
    if not sample or sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False  # UTF-16 text is full of NUL bytes; decoding it validates it
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05


def vietnamese_share(text: str) -> float:
    """Share of letters that are Vietnamese-only letters (about 0.1-0.2 in real Vietnamese prose)."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c in _VIETNAMESE) / len(letters)


def decode_bytes(data: bytes, *, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`DecodeError` naming ``source`` when unreadable."""
    if looks_binary(data):
        raise DecodeError("looks like a binary file, not text; give .txt, .json or .html articles",
                          source=source)
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8):]
        try:
            return body.decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:  # a UTF-8 mark promises UTF-8: no guessing another encoding
            raise DecodeError(f"starts with a UTF-8 mark (BOM) but is not valid UTF-8 (bad byte at offset "
                              f"{exc.start + len(codecs.BOM_UTF8)}); convert it to UTF-8", source=source) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"has a UTF-16 mark but is not valid UTF-16 ({exc.reason})", source=source) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        # Windows-1258 (old Vietnamese Windows text) puts tones as combining marks: NFC composes them.
        try:
            text = unicodedata.normalize("NFC", data.decode("cp1258"))
        except UnicodeDecodeError:
            text = ""
        if text and vietnamese_share(text) >= 0.03:
            return text, "cp1258"
        raise DecodeError(
            f"is not UTF-8 (bad byte at offset {utf8_error.start}) and does not read as Windows-1258 "
            "Vietnamese either; convert it to UTF-8 (e.g. iconv -f <encoding> -t UTF-8)",
            source=source,
        ) from utf8_error
