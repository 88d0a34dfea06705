"""The tag watcher: placed and removed events from the emulated field."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from custom_components.nfc_jukebox.pn532 import (
    DetectionStrategy,
    Pn532,
    ReaderDisconnected,
    ReaderTimeout,
    TagEvent,
    TagType,
    TagWatcher,
    WatchSettings,
)
from custom_components.nfc_jukebox.pn532.device import Command
from custom_components.nfc_jukebox.pn532.emulator import (
    PhoneTag,
    Pn532Emulator,
    make_tag,
)

from .support import OTHER_UID, commands_sent, ntag215, wait_until

LIST_TARGETS = Command.IN_LIST_PASSIVE_TARGET


def settings(strategy: DetectionStrategy, lift_timeout: float = 0.05) -> WatchSettings:
    """Return quick timings; ``lift_timeout`` rides over short drop-outs."""
    return WatchSettings(
        strategy=strategy,
        wait_slice=0.05,
        poll_interval=0.005,
        presence_interval=0.005,
        lift_timeout=lift_timeout,
    )


class Events:
    """A watcher running in the background; its events, one at a time."""

    def __init__(self, watcher: TagWatcher) -> None:
        """Start watching with ``watcher``."""
        self._queue: asyncio.Queue[TagEvent | Exception] = asyncio.Queue()
        self._task = asyncio.create_task(self._watch(watcher))

    async def _watch(self, watcher: TagWatcher) -> None:
        try:
            async for event in watcher.events():
                self._queue.put_nowait(event)
        except Exception as err:  # noqa: BLE001 - handed to the test
            self._queue.put_nowait(err)

    async def next(self) -> TagEvent:
        """Return the next event; raise what ended the watcher."""
        async with asyncio.timeout(5):
            item = await self._queue.get()
        if isinstance(item, Exception):
            raise item
        return item

    def pending(self) -> int:
        """Return how many events are waiting to be taken."""
        return self._queue.qsize()

    async def close(self) -> None:
        """Stop watching."""
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)


@pytest.fixture(params=list(DetectionStrategy))
def strategy(request: pytest.FixtureRequest) -> DetectionStrategy:
    return DetectionStrategy(request.param)


@pytest.fixture
async def events(device: Pn532, strategy: DetectionStrategy) -> AsyncIterator[Events]:
    events = Events(TagWatcher(device, settings(strategy)))
    yield events
    await events.close()


async def test_placing_and_lifting_a_tag_are_reported(
    emulator: Pn532Emulator, events: Events
) -> None:
    emulator.place(ntag215())
    placed = await events.next()
    assert placed.kind == "placed"
    assert placed.tag.uid == "04A1B2C3D4E5F6"
    assert placed.tag.type is TagType.NTAG215
    assert placed.tag.ndef == ({"type": "uri", "uri": "https://example.com"},)
    emulator.remove()
    removed = await events.next()
    assert (removed.kind, removed.tag) == ("removed", placed.tag)
    assert removed.seen_at >= placed.seen_at


async def test_swapping_tags_reports_removed_then_placed(
    emulator: Pn532Emulator, events: Events
) -> None:
    emulator.place(ntag215())
    first = await events.next()
    emulator.place(make_tag("ntag213", OTHER_UID))
    removed, placed = await events.next(), await events.next()
    assert (removed.kind, removed.tag.uid) == ("removed", first.tag.uid)
    assert (placed.kind, placed.tag.uid) == ("placed", "04112233445566")


async def test_a_phone_with_a_changing_random_uid_stays_one_presence(
    emulator: Pn532Emulator, events: Events
) -> None:
    phone = PhoneTag()
    emulator.place(phone)
    placed = await events.next()
    assert placed.tag.type is TagType.ISO14443_4
    first_uid = phone.uid
    emulator.place(phone)  # picks a new random UID, as phones do
    assert phone.uid != first_uid
    seen = commands_sent(emulator, LIST_TARGETS)
    await wait_until(lambda: commands_sent(emulator, LIST_TARGETS) >= seen + 3)
    assert not events.pending()
    emulator.remove()
    removed = await events.next()
    assert (removed.kind, removed.tag.uid) == ("removed", placed.tag.uid)


async def test_a_tag_flapping_at_the_edge_of_the_field_is_one_presence(
    emulator: Pn532Emulator, device: Pn532, strategy: DetectionStrategy
) -> None:
    # Every other presence check misses the tag; the lift timeout rides over it.
    events = Events(TagWatcher(device, settings(strategy, lift_timeout=0.5)))
    emulator.flap(ntag215(), "100")
    placed = await events.next()
    assert placed.kind == "placed"
    seen = commands_sent(emulator, LIST_TARGETS)
    await wait_until(lambda: commands_sent(emulator, LIST_TARGETS) >= seen + 8)
    assert not events.pending()
    emulator.remove()
    removed = await events.next()
    assert (removed.kind, removed.tag.uid) == ("removed", placed.tag.uid)
    assert not events.pending()
    await events.close()


async def test_waiting_is_cut_into_slices_that_are_sent_again(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    events = Events(TagWatcher(device, settings(DetectionStrategy.WAIT)))
    await wait_until(lambda: commands_sent(emulator, LIST_TARGETS) >= 3)
    emulator.place(ntag215())
    assert (await events.next()).kind == "placed"
    await events.close()


async def test_a_reader_falling_silent_while_waiting_is_an_error(
    emulator: Pn532Emulator, device: Pn532, strategy: DetectionStrategy
) -> None:
    device.ack_timeout = 0.02
    events = Events(TagWatcher(device, settings(strategy)))
    await wait_until(lambda: commands_sent(emulator, LIST_TARGETS) >= 2)
    emulator.faults.ack_delay = 10.0
    with pytest.raises(ReaderTimeout):
        await events.next()


async def test_unplugging_while_a_tag_is_present_is_an_error(
    emulator: Pn532Emulator, events: Events
) -> None:
    emulator.place(ntag215())
    await events.next()
    emulator.unplug()
    with pytest.raises(ReaderDisconnected):
        await events.next()


def test_the_default_settings_wait_for_tags() -> None:
    assert WatchSettings().strategy is DetectionStrategy.WAIT
