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
    EmulatorTransport,
    PhoneTag,
    Pn532Emulator,
    make_tag,
)
from custom_components.nfc_jukebox.pn532.emulator.clock import VirtualTimeLoop

from .support import OTHER_UID, commands_sent, ntag215, wait_until

LIST_TARGETS = Command.IN_LIST_PASSIVE_TARGET
DATA_EXCHANGE = Command.IN_DATA_EXCHANGE


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

    async def placed(self) -> TagEvent:
        """Return the "placed" event of the next tag, checking it "arrived" first."""
        arrived = await self.next()
        assert arrived.kind == "arrived"
        assert not arrived.tag.ndef
        placed = await self.next()
        assert placed.kind == "placed"
        assert placed.tag.uid == arrived.tag.uid
        return placed

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
    placed = await events.placed()
    assert placed.tag.uid == "04A1B2C3D4E5F6"
    assert placed.tag.type is TagType.NTAG215
    assert placed.tag.ndef == ({"type": "uri", "uri": "https://example.com"},)
    emulator.remove()
    removed = await events.next()
    assert (removed.kind, removed.tag) == ("removed", placed.tag)
    assert removed.seen_at >= placed.seen_at


async def test_a_tag_arrives_with_what_its_uid_tells_before_its_memory_is_read(
    emulator: Pn532Emulator, events: Events
) -> None:
    emulator.place(ntag215())
    arrived = await events.next()
    assert arrived.kind == "arrived"
    assert arrived.tag.uid == "04A1B2C3D4E5F6"
    assert arrived.tag.type is TagType.TYPE2  # from the SAK; the CC says which NTAG
    assert not arrived.tag.complete
    placed = await events.next()
    assert (placed.kind, placed.tag.type) == ("placed", TagType.NTAG215)
    assert placed.tag.complete
    assert placed.seen_at >= arrived.seen_at


async def test_a_tag_bounced_during_its_read_is_read_again_and_placed_with_its_ndef(
    emulator: Pn532Emulator, events: Events
) -> None:
    emulator.faults.pace_baud = 115200
    tag = ntag215()
    emulator.place(tag)
    assert (await events.next()).kind == "arrived"
    await wait_until(lambda: commands_sent(emulator, DATA_EXCHANGE) >= 1)
    emulator.place(tag)  # lifted and put back a moment later: the read is cut short
    placed = await events.next()
    assert placed.kind == "placed"
    assert placed.tag.ndef == ({"type": "uri", "uri": "https://example.com"},)
    assert not events.pending()


async def test_a_tag_lifted_during_its_read_is_placed_without_ndef_then_removed(
    emulator: Pn532Emulator, events: Events
) -> None:
    emulator.faults.pace_baud = 115200
    emulator.place(ntag215())
    assert (await events.next()).kind == "arrived"
    await wait_until(lambda: commands_sent(emulator, DATA_EXCHANGE) >= 1)
    emulator.remove()
    placed, removed = await events.next(), await events.next()
    assert (placed.kind, placed.tag.ndef) == ("placed", ())
    assert (removed.kind, removed.tag.uid) == ("removed", placed.tag.uid)


def test_a_chip_at_the_edge_missing_30_percent_of_tries_stays_for_ten_minutes() -> None:
    """Ten simulated minutes at 115200 baud, the default timing: no false lift."""

    async def watch() -> list[str]:
        emulator = Pn532Emulator(seed=7)
        emulator.faults.pace_baud = 115200
        device = Pn532(EmulatorTransport(emulator))
        await device.open()
        events = Events(TagWatcher(device))
        emulator.place(ntag215())
        await events.placed()
        emulator.faults.miss_activation = 0.3
        await asyncio.sleep(600)
        kinds: list[str] = [(await events.next()).kind for _ in range(events.pending())]
        emulator.faults.miss_activation = 0.0
        emulator.remove()
        kinds.append((await events.next()).kind)  # a real lift is still seen
        await events.close()
        await device.close()
        await emulator.aclose()
        return kinds

    assert asyncio.run(watch(), loop_factory=VirtualTimeLoop) == ["removed"]


async def test_a_reader_flipping_a_bit_in_every_fifth_reply_reports_every_tag_once(
    emulator: Pn532Emulator, events: Events
) -> None:
    emulator.faults.pace_baud = 115200
    emulator.faults.flip_bit_every = 5
    for _ in range(5):
        emulator.place(ntag215())
        placed = await events.placed()
        assert placed.tag.ndef == ({"type": "uri", "uri": "https://example.com"},)
        emulator.remove()
        assert (await events.next()).kind == "removed"
    assert not events.pending()


async def test_swapping_tags_reports_removed_then_placed(
    emulator: Pn532Emulator, events: Events
) -> None:
    emulator.place(ntag215())
    first = await events.placed()
    emulator.place(make_tag("ntag213", OTHER_UID))
    removed = await events.next()
    assert (removed.kind, removed.tag.uid) == ("removed", first.tag.uid)
    placed = await events.placed()
    assert placed.tag.uid == "04112233445566"


async def test_a_phone_with_a_changing_random_uid_stays_one_presence(
    emulator: Pn532Emulator, events: Events
) -> None:
    phone = PhoneTag()
    emulator.place(phone)
    placed = await events.placed()
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
    # The chip sees the tag on one activation try in three; no check misses it long.
    events = Events(TagWatcher(device, settings(strategy, lift_timeout=0.5)))
    emulator.flap(ntag215(), "100")
    placed = await events.placed()
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
    await events.placed()
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
    await events.placed()
    emulator.unplug()
    with pytest.raises(ReaderDisconnected):
        await events.next()


def test_the_default_settings_wait_for_tags() -> None:
    assert WatchSettings().strategy is DetectionStrategy.WAIT
