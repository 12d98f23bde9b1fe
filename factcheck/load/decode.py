"""Article bytes to text: BOM and UTF-16 handled, cp1252/latin-1 as fallbacks, binary files refused."""

from __future__ import annotations

import unicodedata

from factcheck.errors import InputError

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"BZh": "a bzip2 archive",
}




def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode article bytes, refusing binary files with a message that says what the file seems to be."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not an article (expected .txt, .md, .html or .jsonl text)")
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: starts with a UTF-16 byte-order mark but does not decode as UTF-16") from exc
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}: binary data (NUL bytes), not an article")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\n\t\x0c\x1b")
    if text and controls > max(8, len(text[:8192]) // 50):
        raise InputError(f"{name}: binary data (control characters), not an article")
    return text, encoding
