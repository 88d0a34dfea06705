"""Tag presence: turn a PN532 into a stream of "placed" and "removed" events.

Two ways to notice a new tag:

* ``WAIT``: the chip's own wait-for-tag mode (MxRtyPassiveActivation = FF). The host
  sends one command and sleeps until the chip answers, so a tag is reported the moment
  it enters the field at no host cost. The wait is cut into slices (aborted with an
  ACK and sent again) so a silent reader is noticed.
* ``POLL``: ask "is there a tag?" every ``poll_interval`` (what most projects do).

While a tag is present it is re-selected every ``presence_interval``; it counts as
removed once it has not been seen for ``lift_timeout``. Short drop-outs of a tag at the
edge of the field stay within that window and cause no events.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Final, Literal

from .tags import TagInfo, read_tag

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from .device import Pn532, Target


class DetectionStrategy(StrEnum):
    """How the watcher notices a newly placed tag."""

    WAIT = "wait"
    POLL = "poll"


DEFAULT_WAIT_SLICE: Final = 5.0
DEFAULT_POLL_INTERVAL: Final = 0.2
DEFAULT_PRESENCE_INTERVAL: Final = 0.05
DEFAULT_LIFT_TIMEOUT: Final = 0.12


@dataclass(frozen=True, kw_only=True, slots=True)
class TagEvent:
    """A tag was placed on or removed from the reader."""

    kind: Literal["placed", "removed"]
    tag: TagInfo
    #: time.monotonic() when the change was seen on the wire
    seen_at: float


@dataclass(kw_only=True, slots=True)
class WatchSettings:
    """Timing of a watcher."""

    strategy: DetectionStrategy = DetectionStrategy.WAIT
    wait_slice: float = DEFAULT_WAIT_SLICE
    poll_interval: float = DEFAULT_POLL_INTERVAL
    presence_interval: float = DEFAULT_PRESENCE_INTERVAL
    lift_timeout: float = DEFAULT_LIFT_TIMEOUT


class TagWatcher:
    """Watch one PN532 for tags; iterate :meth:`events` to receive them."""

    def __init__(self, device: Pn532, settings: WatchSettings | None = None) -> None:
        """Watch ``device`` (already open)."""
        self.device = device
        self.settings = settings or WatchSettings()
        self.present: TagInfo | None = None

    async def events(self) -> AsyncIterator[TagEvent]:
        """Yield placed/removed events until cancelled; reader errors propagate."""
        while True:
            if self.present is None:
                target = await self._next_arrival()
                if target is None:
                    continue
                seen_at = time.monotonic()
                self.present = await read_tag(self.device, target)
                yield TagEvent(kind="placed", tag=self.present, seen_at=seen_at)
            else:
                async for event in self._follow(self.present):
                    yield event

    async def _next_arrival(self) -> Target | None:
        settings = self.settings
        if settings.strategy is DetectionStrategy.WAIT:
            return await self.device.wait_for_target(settings.wait_slice)
        target = await self.device.list_passive_target(retries=1)
        if target is None:
            await asyncio.sleep(settings.poll_interval)
        return target

    async def _follow(self, tag: TagInfo) -> AsyncIterator[TagEvent]:
        """Re-select the present tag until it leaves or another one replaces it."""
        settings = self.settings
        last_seen = time.monotonic()
        while True:
            await asyncio.sleep(settings.presence_interval)
            target = await self.device.list_passive_target(retries=1)
            now = time.monotonic()
            if target is not None and _same_tag(target, tag.target):
                last_seen = now
                continue
            if target is not None:
                # A different tag: the first one was lifted and this one placed.
                self.present = None
                yield TagEvent(kind="removed", tag=tag, seen_at=now)
                self.present = await read_tag(self.device, target)
                yield TagEvent(kind="placed", tag=self.present, seen_at=now)
                return
            if now - last_seen >= settings.lift_timeout:
                self.present = None
                yield TagEvent(kind="removed", tag=tag, seen_at=now)
                return


def _same_tag(seen: Target, known: Target) -> bool:
    # A phone picks a new random UID now and then; while an ISO 14443-4 target stays
    # in the field it is the same phone.
    if not known.has_stable_uid and seen.is_iso14443_4 and known.is_iso14443_4:
        return True
    return seen.uid == known.uid
