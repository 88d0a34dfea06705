"""The tracks of a chip that plays track by track: a folder, an album, a playlist.

Listed ahead (when Home Assistant starts, when a chip is saved) so a placement
does not wait for a 500-track folder; a new kind of listing starts here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.components.media_player import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
)
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import callback
from homeassistant.helpers.start import async_at_started

from ..chips.model import normalise_uid
from ..chips.registry import find_chip
from ..const import CONF_MEDIA, CONF_UID, DOMAIN, SUBENTRY_TAG
from ..tracks import stored_by_track

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from ..chips.model import TagMapping
    from ..folders import FolderListings, Track
    from ..progress import ChipProgress


class ChipListings:
    """Lists the music of a reader's chips in the home's folder listings."""

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry, folders: FolderListings
    ) -> None:
        """List the chips of the reader ``entry`` in ``folders`` (the home's)."""
        self.hass = hass
        self.entry = entry
        self.folders = folders
        #: the music chips as last saved: one saved since is listed again
        self._saved: dict[str, tuple[str, Mapping[str, Any]]] = {}
        self._bookmarks: ChipProgress | None = None

    @callback
    def follow_saved(self, bookmarks: ChipProgress) -> None:
        """List the chips once Home Assistant runs, and each chip again when saved.

        A chip added later is listed when it is saved, not when it is placed.
        """
        self._saved = music_chips(self.entry)
        self._bookmarks = bookmarks
        self.entry.async_on_unload(async_at_started(self.hass, self._warm_saved))
        self.entry.async_on_unload(
            self.entry.add_update_listener(self._async_entry_updated)
        )

    async def _async_entry_updated(
        self, _hass: HomeAssistant, _entry: ConfigEntry
    ) -> None:
        """List the music of the chips saved since (added or edited) again.

        A chip deleted (or given another UID) that no reader of the home knows
        any more takes its progress with it.
        """
        chips = music_chips(self.entry)
        for subentry_id, saved in chips.items():
            if self._saved.get(subentry_id) != saved:
                self.saved(saved[1])
        uids = {normalise_uid(data[CONF_UID]) for _title, data in chips.values()}
        for _title, data in self._saved.values():
            uid = normalise_uid(data[CONF_UID])
            if uid not in uids and find_chip(self.hass, uid) is None:
                assert self._bookmarks is not None  # noqa: S101 - set when followed
                self._bookmarks.async_forget(uid)
        self._saved = chips

    @callback
    def _warm_saved(self, _hass: HomeAssistant) -> None:
        """List the chips' folders and albums once Home Assistant runs."""
        self.warm(data for _title, data in music_chips(self.entry).values())

    async def async_tracks(self, mapping: TagMapping) -> tuple[Track, ...] | None:
        """Return the tracks of a chip that plays track by track, if listed.

        One browse, remembered: a folder's listing does not delay it next time.
        """
        tracks = await self.folders.async_tracks(mapping.media_content_id)
        if tracks is None and not self.folders.listed(mapping.media_content_id):
            # A speaker's album not listed yet plays as the speaker plays albums;
            # listed meanwhile, it plays track by track next time.
            self.refresh(
                mapping.media_content_id,
                speaker=mapping.entity_id,
                media_content_type=mapping.media_content_type,
            )
        return tracks

    @callback
    def refresh(
        self,
        media_content_id: str,
        *,
        speaker: str | None,
        media_content_type: str | None,
        older_than: timedelta | None = None,
    ) -> None:
        """List a folder again in the background: added files play next time.

        An album of a speaker's own is listed through ``speaker``, the one its
        music was picked with.
        """
        self.entry.async_create_background_task(
            self.hass,
            self.folders.async_refresh(
                media_content_id,
                speaker=speaker,
                media_content_type=media_content_type,
                older_than=older_than,
            ),
            f"{DOMAIN} folder listing",
        )

    @callback
    def warm(self, chips: Iterable[Mapping[str, Any]]) -> None:
        """List the folders and albums of ``chips`` (as stored) in the background.

        A 500-track folder takes a moment to list: placing its chip should not.
        """
        self.entry.async_create_background_task(
            self.hass,
            self.folders.async_warm(
                [data[CONF_MEDIA] for data in chips if stored_by_track(data)]
            ),
            f"{DOMAIN} folders",
        )

    @callback
    def saved(self, data: Mapping[str, Any]) -> None:
        """List the music of a chip just saved (added or edited) again."""
        if not stored_by_track(data):
            return
        media = data[CONF_MEDIA]
        self.refresh(
            media[ATTR_MEDIA_CONTENT_ID],
            speaker=media.get(ATTR_ENTITY_ID),
            media_content_type=media.get(ATTR_MEDIA_CONTENT_TYPE),
        )


def music_chips(entry: ConfigEntry) -> dict[str, tuple[str, Mapping[str, Any]]]:
    """Return the music chips of a reader as saved (title, data), by subentry."""
    return {
        subentry.subentry_id: (subentry.title, subentry.data)
        for subentry in entry.subentries.values()
        if subentry.subentry_type == SUBENTRY_TAG
    }
