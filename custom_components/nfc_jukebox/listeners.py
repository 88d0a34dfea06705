"""Who listens to a part of the jukebox: add a listener, and tell every one of them."""

from __future__ import annotations

from collections.abc import Callable


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
        """Tell every listener, even when one removes itself meanwhile."""
        for listener in list(self._listeners):
            listener(*args, **kwargs)
