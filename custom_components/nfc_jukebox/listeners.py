"""Who follows a reader: its chips coming and going, and the reader itself."""

from __future__ import annotations

from collections.abc import Callable

from homeassistant.core import callback

from .pn532 import TagEvent

type TagListener = Callable[[TagEvent], None]
"""Called with every tag event: arrived, placed, removed."""
type AvailabilityListener = Callable[[], None]
"""Called when the reader becomes available or unavailable."""


class ReaderListeners:
    """The listeners every kind of reader tells of its chips and of itself."""

    def __init__(self) -> None:
        """Start unavailable, with nobody listening."""
        self.available = False
        self._tag_listeners: list[TagListener] = []
        self._availability_listeners: list[AvailabilityListener] = []

    @callback
    def async_add_tag_listener(self, listener: TagListener) -> Callable[[], None]:
        """Call ``listener`` on every tag event; return what removes it."""
        self._tag_listeners.append(listener)
        return lambda: self._tag_listeners.remove(listener)

    @callback
    def async_add_availability_listener(
        self, listener: AvailabilityListener
    ) -> Callable[[], None]:
        """Call ``listener`` when the reader comes and goes; return what removes it."""
        self._availability_listeners.append(listener)
        return lambda: self._availability_listeners.remove(listener)

    @callback
    def _notify_tag(self, event: TagEvent) -> None:
        for listener in list(self._tag_listeners):
            listener(event)

    @callback
    def _set_available(self, *, available: bool) -> None:
        self.available = available
        for listener in list(self._availability_listeners):
            listener()
