"""The card's subscription: the state of the readers, now and on every change."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

import probatio
from homeassistant.components import websocket_api
from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    ConfigEntry,
    ConfigEntryChange,
    ConfigEntryState,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.dispatcher import async_dispatcher_connect

from ..chips.pictures import SIGNAL_PICTURE_CHANGED
from ..chips.registry import find_chip
from ..const import DOMAIN
from ..home import reader_entries
from .helpers import ATTR_ENTRY_ID
from .view import ChipChanges, reader_state

if TYPE_CHECKING:
    from ..pn532 import TagEvent


class _ReaderSubscription:
    """Pushes the state of the readers to one websocket subscription."""

    def __init__(
        self,
        hass: HomeAssistant,
        connection: websocket_api.ActiveConnection,
        msg_id: int,
        entry_id: str | None,
    ) -> None:
        """Prepare the subscription ``msg_id`` to all readers, or to ``entry_id``."""
        self.hass = hass
        self.connection = connection
        self.msg_id = msg_id
        self.entry_id = entry_id
        self._unsubscribe_runtime: list[Callable[[], None]] = []
        #: per reader: the chip placed while subscribed, and why the rules refused it
        self._refused: dict[str, dict[str, str | None]] = {}
        #: per reader: what the card was sent of the home's chips
        self._chips: dict[str, ChipChanges] = {}
        self._unsubscribe_entries = async_dispatcher_connect(
            hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._entry_changed
        )
        self._unsubscribe_pictures = async_dispatcher_connect(
            hass, SIGNAL_PICTURE_CHANGED, self.send
        )
        self._follow_runtime()

    def _entries(self) -> list[ConfigEntry]:
        return [
            entry
            for entry in reader_entries(self.hass)
            if self.entry_id in (None, entry.entry_id)
        ]

    @callback
    def send(self, *_: object) -> None:
        """Send the state of the readers, and what changed of the chips.

        Each reader's chips go as ``chips``: ``{entry_id: {"changed": [...],
        "removed": [subentry ids], "all": bool}}`` for the readers whose chips
        changed; a reader's first has all its chips (``all``).
        """
        entries = self._entries()
        chips: dict[str, dict[str, Any]] = {}
        for entry in entries:
            first = entry.entry_id not in self._chips
            changes = self._chips.setdefault(entry.entry_id, ChipChanges())
            changed, removed = changes.changes(self.hass, entry)
            if first or changed or removed:
                chips[entry.entry_id] = {
                    "changed": changed,
                    "removed": removed,
                    "all": first,  # every chip: what the card knew of them is gone
                }
        for gone in set(self._chips) - {entry.entry_id for entry in entries}:
            del self._chips[gone]
        self.connection.send_message(
            websocket_api.event_message(
                self.msg_id,
                {
                    "readers": [
                        reader_state(
                            self.hass, entry, self._refused.get(entry.entry_id)
                        )
                        for entry in entries
                    ],
                    "chips": chips,
                    "can_edit": self.connection.user.is_admin,
                },
            )
        )

    @callback
    def _follow_runtime(self) -> None:
        """Listen to the loaded readers; a reload brings a new reader to follow."""
        self._stop_runtime()
        for entry in self._entries():
            if entry.state is ConfigEntryState.LOADED:
                data = entry.runtime_data
                self._unsubscribe_runtime.append(
                    data.reader.async_add_tag_listener(partial(self._tag, entry))
                )
                self._unsubscribe_runtime.append(
                    data.reader.async_add_availability_listener(self.send)
                )
                self._unsubscribe_runtime.append(
                    data.jukebox.async_add_listener(self.send)
                )
                self._unsubscribe_runtime.append(
                    data.jukebox.rules.async_add_listener(self.send)
                )

    @callback
    def _tag(self, entry: ConfigEntry, event: TagEvent) -> None:
        """Remember what the rules said when a chip arrived: the jukebox asks them then."""
        if event.kind == "arrived":
            chip = find_chip(self.hass, event.tag.uid, prefer=entry)
            block = entry.runtime_data.jukebox.rules.may_start(chip) if chip else None
            self._refused[entry.entry_id] = {
                event.tag.uid: block.value if block else None
            }
        elif event.kind == "removed":
            self._refused.pop(entry.entry_id, None)
        self.send()

    @callback
    def _stop_runtime(self) -> None:
        while self._unsubscribe_runtime:
            self._unsubscribe_runtime.pop()()

    @callback
    def _entry_changed(self, _change: ConfigEntryChange, entry: ConfigEntry) -> None:
        # Any reader's chips are every reader's: a change on one shows on all.
        if entry.domain == DOMAIN:
            self._follow_runtime()
            self.send()

    @callback
    def stop(self) -> None:
        """End the subscription."""
        self._unsubscribe_entries()
        self._unsubscribe_pictures()
        self._stop_runtime()


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/subscribe",
        probatio.Optional(ATTR_ENTRY_ID): cv.string,
    }
)
@callback
def ws_subscribe(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Send the state of the readers now and on every change."""
    subscription = _ReaderSubscription(
        hass, connection, msg["id"], msg.get(ATTR_ENTRY_ID)
    )
    connection.subscriptions[msg["id"]] = subscription.stop
    connection.send_result(msg["id"])
    subscription.send()
