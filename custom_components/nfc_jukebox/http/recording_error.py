"""What a recording's upload answers when it cannot become a recording."""

from __future__ import annotations

from http import HTTPStatus


class RecordingError(Exception):
    """An upload cannot become a recording: a translation key and what it names."""

    def __init__(
        self,
        key: str,
        placeholders: dict[str, str] | None = None,
        status: HTTPStatus = HTTPStatus.BAD_REQUEST,
    ) -> None:
        """Say why, with the key of exceptions.recording_<key>."""
        super().__init__(key)
        self.key = f"recording_{key}"
        self.placeholders = placeholders or {}
        self.status = status
