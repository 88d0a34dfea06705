"""Names a user chose, made safe to put into a Markdown description."""

from __future__ import annotations

import re
from typing import Final

#: What Markdown (and the HTML it lets through) reads as markup.
_MARKUP: Final = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")


def escape_markdown(text: str) -> str:
    """Return ``text`` so that a Markdown description shows it as written."""
    return _MARKUP.sub(r"\\\1", text)
