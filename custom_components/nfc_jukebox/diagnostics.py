"""Diagnostics: the reader's connection, firmware, state and settings."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Final

from homeassistant.components.diagnostics import REDACTED, async_redact_data
from homeassistant.const import CONF_URL
from homeassistant.core import HomeAssistant

from .models import NfcJukeboxConfigEntry
from .progress import async_get_progress

#: A network reader's address, and what a chip holds (a link, a note). Chips stay
#: identified by their UIDs: they are what a parent maps to music.
TO_REDACT: Final = {CONF_URL, "uri", "text"}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: NfcJukeboxConfigEntry
) -> dict[str, Any]:
    """Return what helps to debug a reader, without its address or chip contents."""
    reader = entry.runtime_data.reader
    firmware = reader.firmware
    url: str | None = entry.data.get(CONF_URL)
    progress = await async_get_progress(hass)
    jukebox = entry.runtime_data.jukebox

    def hide_url(text: str | None) -> str | None:
        """Return ``text`` with a network reader's URL (host, port) taken out."""
        return text.replace(url, REDACTED) if url and text else text

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
            "reader": {
                "port": hide_url(reader.description),
                "available": reader.available,
                "last_error": hide_url(reader.last_error),
                "firmware": (
                    {"ic": firmware.chip, "version": firmware.firmware}
                    if firmware
                    else None
                ),
                "present_tag": reader.present.as_dict() if reader.present else None,
                "settings": {
                    "strategy": reader.settings.strategy.value,
                    "presence_interval": reader.settings.presence_interval,
                    "lift_timeout": reader.settings.lift_timeout,
                },
                "simulated": reader.emulator is not None,
            },
            # Every chip's bookmark (the home's): where its music stopped, and
            # what this reader shows of it.
            "progress": {
                "bookmarks": progress.as_dict(),
                "shown": asdict(jukebox.progress) if jukebox.progress else None,
            },
        },
        TO_REDACT,
    )
