"""Diagnostics: the reader's connection, firmware, state and settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any, Final

from homeassistant.components.diagnostics import REDACTED, async_redact_data
from homeassistant.const import CONF_URL
from homeassistant.core import HomeAssistant

from .models import NfcJukeboxConfigEntry
from .progress import async_get_progress
from .readers.keyboard import KeyboardReader
from .readers.pn532 import Reader
from .readers.scanner import ScannerReader

#: A network reader's address, and what a chip holds (a link, a note). Chips stay
#: identified by their UIDs: they are what a parent maps to music.
TO_REDACT: Final = {CONF_URL, "uri", "text"}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: NfcJukeboxConfigEntry
) -> dict[str, Any]:
    """Return what helps to debug a reader, without its address or chip contents."""
    reader = entry.runtime_data.reader
    url: str | None = entry.data.get(CONF_URL)
    progress = await async_get_progress(hass)
    jukebox = entry.runtime_data.jukebox

    def hide_url(text: str | None) -> str | None:
        """Return ``text`` with a network reader's URL (host, port) taken out."""
        return text.replace(url, REDACTED) if url and text else text

    if isinstance(reader, Reader):
        about_reader = _pn532(reader, hide_url)
    elif isinstance(reader, KeyboardReader):
        about_reader = _keyboard(reader)
    else:
        assert isinstance(reader, ScannerReader)  # noqa: S101 - the other kind
        about_reader = _scanner(reader)
    return async_redact_data(
        {
            "entry": {
                "title": entry.title,
                "data": dict(entry.data),
                "options": dict(entry.options),
                "subentries": [
                    {"type": subentry.subentry_type, "title": subentry.title}
                    for subentry in entry.subentries.values()
                ],
            },
            "reader": about_reader,
            # Every chip's bookmark (the home's): where its music stopped, and
            # what this reader shows of it.
            "progress": {
                "bookmarks": progress.as_dict(),
                "shown": asdict(jukebox.progress) if jukebox.progress else None,
            },
        },
        TO_REDACT,
    )


def _pn532(
    reader: Reader, hide_url: Callable[[str | None], str | None]
) -> dict[str, Any]:
    """Return what helps to debug a PN532 reader: its port, firmware and timing."""
    firmware = reader.firmware
    return {
        "port": hide_url(reader.description),
        "available": reader.available,
        "last_error": hide_url(reader.last_error),
        "firmware": (
            {"ic": firmware.chip, "version": firmware.firmware} if firmware else None
        ),
        "present_tag": reader.present.as_dict() if reader.present else None,
        "settings": {
            "strategy": reader.settings.strategy.value,
            "presence_interval": reader.settings.presence_interval,
            "lift_timeout": reader.settings.lift_timeout,
        },
        "simulated": reader.emulator is not None,
    }


def _scanner(reader: ScannerReader) -> dict[str, Any]:
    """Return what helps to debug a tag scanner: which device it follows, and how."""
    device = reader.device
    return {
        "scanner": (
            {
                "integrations": sorted({domain for domain, _ in device.identifiers}),
                "manufacturer": device.manufacturer,
                "model": device.model,
            }
            if device
            else None
        ),
        "available": reader.available,
        "reports_removal": reader.reports_removal,
        # A scanner tells the UID alone: no ATQA, SAK, type or NDEF records.
        "present_tag": (
            {"uid": reader.present.uid, "type": reader.present.type.value}
            if reader.present
            else None
        ),
    }


def _keyboard(reader: KeyboardReader) -> dict[str, Any]:
    """Return what helps to debug a USB reader that types: its device, its state."""
    return {
        "input_device": reader.path,
        "available": reader.available,
        "last_error": reader.last_error,
        # It types the UID alone: no ATQA, SAK, type or NDEF records.
        "present_tag": reader.present.uid if reader.present else None,
    }
