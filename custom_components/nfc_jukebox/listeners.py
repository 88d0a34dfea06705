"""Who listens to a part of the jukebox: add a listener, and tell every one of them."""

from __future__ import annotations

from collections.abc import Callable

from .const import LOGGER


class Listeners[**P]:
    """The listeners of one kind of change; each is called with the change's arguments."""

    def __init__(self) -> None:
        """Start with nobody listening."""
        self._listeners: list[Callable[P, None]] = []

    def add(self, listener: Callable[P, None]) -> Callable[[], None]:
        """Call ``listener`` on every change; return what removes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def notify(self, *args: P.args, **kwargs: P.kwargs) -> None:
        """Tell every listener, even when one removes itself or fails meanwhile.

        A listener's error is logged and goes no further: it must not cut the
        others off, nor reach whoever told them (a reader's loop would reconnect).
        """
        for listener in list(self._listeners):
            try:
                listener(*args, **kwargs)
            except Exception:  # noqa: BLE001 - one listener's bug stays its own
                LOGGER.exception("Error in listener %s", _name(listener))


def _name(listener: Callable[..., None]) -> str:
    name = getattr(listener, "__qualname__", None)
    return f"{listener.__module__}.{name}" if name else repr(listener)
