"""Tag presence: turn a PN532 into a stream of "arrived", "placed" and "removed" events.

Two ways to notice a new tag:

* ``WAIT``: the chip's own wait-for-tag mode (MxRtyPassiveActivation = FF). The host
  sends one command and sleeps until the chip answers, so a tag is reported the moment
  it enters the field at no host cost. The wait is cut into slices (aborted with an
  ACK and sent again) so a silent reader is noticed.
* ``POLL``: ask "is there a tag?" every ``poll_interval`` (what most projects do).

A new tag is reported twice: "arrived" the moment its UID is known (act on it at
once), then "placed" once its memory (NDEF) was read. A tag that leaves mid-read is
read again when it is seen again, so "placed" carries its NDEF.

While a tag is present it is re-selected every ``presence_interval``, each check with
``presence_retries`` activation retries inside the chip. It counts as removed after
``lift_misses`` checks in a row missed it *and* it has not been seen for
``lift_timeout``. A chip at the edge of the field that the chip misses on 30 % of its
tries misses a whole check (four tries) with a probability of 0.3⁴ ≈ 0.8 %, and three
checks in a row (what 120 ms take) with 5·10⁻⁷: over ten minutes of checks every
50 ms (12,000 checks) that is 0.006 false lifts.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Final, Literal

from .tags import TagInfo, identify, read_tag

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from .device import Target
    from .tags import TagDevice


class DetectionStrategy(StrEnum):
    """How the watcher notices a newly placed tag."""

    WAIT = "wait"
    POLL = "poll"


DEFAULT_WAIT_SLICE: Final = 5.0
DEFAULT_POLL_INTERVAL: Final = 0.2
DEFAULT_PRESENCE_INTERVAL: Final = 0.05
DEFAULT_PRESENCE_RETRIES: Final = 3
DEFAULT_LIFT_TIMEOUT: Final = 0.12
DEFAULT_LIFT_MISSES: Final = 2
#: Reads of a tag that left mid-read, before it is reported without its NDEF.
MAX_READS: Final = 3


@dataclass(frozen=True, kw_only=True, slots=True)
class TagEvent:
    """A tag arrived (UID known), was placed (memory read) or was removed."""

    kind: Literal["arrived", "placed", "removed"]
    tag: TagInfo
    #: the event loop's time (time.monotonic() on a real loop) when it was seen
    seen_at: float


@dataclass(kw_only=True, slots=True)
class WatchSettings:
    """Timing of a watcher."""

    strategy: DetectionStrategy = DetectionStrategy.WAIT
    wait_slice: float = DEFAULT_WAIT_SLICE
    poll_interval: float = DEFAULT_POLL_INTERVAL
    presence_interval: float = DEFAULT_PRESENCE_INTERVAL
    presence_retries: int = DEFAULT_PRESENCE_RETRIES
    lift_timeout: float = DEFAULT_LIFT_TIMEOUT
    lift_misses: int = DEFAULT_LIFT_MISSES


class TagWatcher:
    """Watch one reader chip (PN532, MFRC522) for tags; iterate :meth:`events` to receive them.

    The watcher remembers the present tag across :meth:`events` calls: after a
    reconnect give it the new ``device`` and iterate again; a tag that stayed in
    place is not reported again.
    """

    def __init__(
        self, device: TagDevice, settings: WatchSettings | None = None
    ) -> None:
        """Watch ``device`` (already open)."""
        self.device = device
        self.settings = settings or WatchSettings()
        self.present: TagInfo | None = None
        self._placed = False  # "placed" was reported for the present tag
        self._reads = 0  # reads of the present tag so far

    async def events(self) -> AsyncIterator[TagEvent]:
        """Yield tag events until cancelled; reader errors propagate."""
        while True:
            if self.present is None:
                target = await self._next_arrival()
                if target is not None:
                    async for event in self._arrive(target):
                        yield event
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

    async def _arrive(self, target: Target) -> AsyncIterator[TagEvent]:
        self.present = identify(target)
        self._placed = False
        self._reads = 0
        yield TagEvent(kind="arrived", tag=self.present, seen_at=_now())
        async for event in self._read(target):
            yield event

    async def _read(self, target: Target) -> AsyncIterator[TagEvent]:
        """Read the present tag; report it placed unless it left mid-read."""
        tag = await read_tag(self.device, target)
        self._reads += 1
        self.present = tag
        if tag.complete or self._reads >= MAX_READS:
            self._placed = True
            yield TagEvent(kind="placed", tag=tag, seen_at=_now())

    async def _leave(self, tag: TagInfo) -> AsyncIterator[TagEvent]:
        if not self._placed:  # left for good before it could be read
            yield TagEvent(kind="placed", tag=tag, seen_at=_now())
        self.present = None
        yield TagEvent(kind="removed", tag=tag, seen_at=_now())

    async def _follow(self, tag: TagInfo) -> AsyncIterator[TagEvent]:
        """Re-select the present tag until it leaves or another one replaces it."""
        last_seen = _now()
        misses = 0
        while True:
            settings = self.settings
            await asyncio.sleep(settings.presence_interval)
            target = await self.device.list_passive_target(
                retries=settings.presence_retries
            )
            now = _now()
            if target is not None and _same_tag(target, tag.target):
                last_seen, misses = now, 0
                if not self._placed:  # it left mid-read and is back: read it again
                    async for event in self._read(target):
                        yield event
                    tag = self.present or tag
                continue
            if target is not None:
                # A different tag: the first one was lifted and this one placed.
                async for event in self._leave(tag):
                    yield event
                async for event in self._arrive(target):
                    yield event
                return
            misses += 1
            if (
                misses >= settings.lift_misses
                and now - last_seen >= settings.lift_timeout
            ):
                async for event in self._leave(tag):
                    yield event
                return


def _now() -> float:
    return asyncio.get_running_loop().time()


def _same_tag(seen: Target, known: Target) -> bool:
    # A phone picks a new random UID now and then; while an ISO 14443-4 target stays
    # in the field it is the same phone.
    if not known.has_stable_uid and seen.is_iso14443_4 and known.is_iso14443_4:
        return True
    return seen.uid == known.uid
