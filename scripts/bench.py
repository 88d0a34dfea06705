"""Benchmark simulated NFC Jukebox readers inside Home Assistant; prints JSON last.

Runs a real Home Assistant instance in this process, sets up N simulated readers as
config entries of the integration (their emulators paced like a 115200 baud UART),
and measures, for the default watch settings and for a plain 200 ms polling baseline:

* place→event and lift→event: from ``emulator.place()``/``remove()`` to the
  ``state_changed`` of the reader's event entity with ``tag_placed``/``tag_removed``;
* place→play and lift→pause: from the same tag change to the ``play_media`` and
  ``media_pause`` calls reaching the reader's media player (each reader's tag is
  mapped to music on a speaker entity of its own, the reader's options left at their
  defaults: pause on lift, volume cap 100 % so no ``volume_set`` comes first;
  ``player_calls`` counts every call the players got);
* idle CPU: CPU time of this process while no tag is present, % of one core per reader;
* loop stalls: how late a ticker that sleeps 1 ms wakes up;
* a chip at the edge of the field (before Home Assistant starts): the emulator misses
  it on 30 % of activation tries, at random, for ten minutes of simulated time (an
  event loop whose clock jumps to its next timer, the UART still paced at 115200
  baud, the default watch settings); every "removed" is a false lift;
* RC522 readers: place→play and lift→pause again, each reader a simulated RC522
  (the register-level MFRC522 emulator, driven register by register), and the chip at
  the edge of the field once more on an RC522 (``rc522_`` keys);
* folder chips: place→play again, each reader's chip now a My media folder of 500
  generated WAV files (a temporary media folder) on a speaker with a queue, so every
  placement plays the first track and queues the other 499 in the background;
* podcast chips: place→play again, each reader's chip now a podcast of 1000
  episodes (a feed served on loopback, read once when the reader started), its
  feed server slow from then on and its list two hours old, so every placement
  plays the newest episode from the list while a refresh waits in the background;
  each chip keeps its newest two episodes on the box, and their download (a file
  larger than the run, sent at about 3 MB/s) is in progress at every placement
  (``podcast_downloaded_mb`` says how much came meanwhile);
* a home of 1000 chips: one reader holding 1000 music chips, place→play of one of
  them, the time to save one more chip through the one save path (everything it sets
  off included, an open card's subscription too) and the bytes that subscription is
  sent per save.

Run it through ``scripts/bench`` (``--help`` for the options).
"""

from __future__ import annotations

import sys
from pathlib import Path

# The integration is imported as `custom_components.nfc_jukebox` from the repository
# root, before the test harness can import the `custom_components` of its own config.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import asyncio
import dataclasses
import json
import logging
import platform
import random
import socket
import statistics
import subprocess
import tempfile
import time
import wave
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Final, Literal, override

from homeassistant import loader, runner
from homeassistant.components.media_player import MediaType
from homeassistant.config_entries import ConfigSubentryData
from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.const import __version__ as ha_version
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers import frame
from homeassistant.helpers.json import json_bytes
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_test_home_assistant,
    setup_test_component_platform,
)

from custom_components.nfc_jukebox.audio.store import Place
from custom_components.nfc_jukebox.chips.backup import (
    async_restore,
    export_chips,
    plan_restore,
    read_backup,
)
from custom_components.nfc_jukebox.chips.forms import MAX_KEEP_MB
from custom_components.nfc_jukebox.chips.model import TagMapping
from custom_components.nfc_jukebox.chips.registry import async_save_chip
from custom_components.nfc_jukebox.config_flow import NfcJukeboxConfigFlow
from custom_components.nfc_jukebox.const import (
    CONF_CHIP,
    CONF_CONNECTION,
    DOMAIN,
    MEDIA_PODCAST,
    ChipMode,
    Connection,
    SimulatedChip,
)
from custom_components.nfc_jukebox.http.recordings import Upload, make_recording
from custom_components.nfc_jukebox.pn532 import (
    DetectionStrategy,
    Pn532,
    TagEvent,
    TagWatcher,
    Target,
    WatchSettings,
    encode_message,
)
from custom_components.nfc_jukebox.pn532.emulator import (
    EmulatorTransport,
    Pn532Emulator,
    PtyLink,
    VirtualTag,
    ntag,
)
from custom_components.nfc_jukebox.pn532.emulator.clock import VirtualTimeLoop
from custom_components.nfc_jukebox.rc522 import Rc522
from custom_components.nfc_jukebox.rc522.emulator import (
    EmulatedRc522Connection,
    Mfrc522Emulator,
)
from custom_components.nfc_jukebox.readers.pn532 import Reader
from custom_components.nfc_jukebox.websocket.subscribe import _ReaderSubscription
from devtools.audio_samples import FORMAT_BY_NAME, story
from tests.feeds import start_feed_server
from tests.speaker import Speaker

type Kind = Literal["placed", "removed"]
type PlayerCall = Literal["play_media", "media_pause"]

PACE_BAUD: Final = 115200
#: What a jukebox chip typically holds: an NTAG215 with one URI record.
TAG_URI: Final = "https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy"
#: The baseline: what most projects do (poll every 200 ms, removal on the first miss).
BASELINE_SETTINGS: Final = WatchSettings(
    strategy=DetectionStrategy.POLL,
    poll_interval=0.2,
    presence_interval=0.2,
    presence_retries=1,
    lift_timeout=0.0,
    lift_misses=1,
)
#: The chip at the edge of the field: the share of activation tries that miss it.
EDGE_MISS_ACTIVATION: Final = 0.3
EDGE_UID: Final = bytes.fromhex("04EDCE00000001")
#: Random pauses before placing and before lifting a tag (seconds), so that placements
#: do not phase-lock with any polling period.
GAP: Final = (0.15, 0.45)
DWELL: Final = (0.15, 0.45)
#: A tag change that produced no event (or no player call) within this time is lost.
EVENT_TIMEOUT: Final = 5.0
#: What the jukebox asks the reader's player for when its mapped tag comes and goes.
PLAYER_CALLS: Final[dict[Kind, PlayerCall]] = {
    "placed": "play_media",
    "removed": "media_pause",
}
#: What a reader's chip plays (the speaker only records it).
MEDIA_CONTENT_ID: Final = "media-source://media_source/local/bench.mp3"
#: How long readers settle after setup before their idle CPU is measured.
SETTLE: Final = 1.0
TICK: Final = 0.001
HASS_ONLY_IDLE_MAX: Final = 3.0

#: The folder chips' folder: My media / Album, this many tracks by default.
FOLDER_TRACKS: Final = 500
FOLDER_NAME: Final = "Album"
FOLDER_CONTENT_ID: Final = f"media-source://media_source/local/{FOLDER_NAME}"
#: How long a reader may take to list its folder before its first placement.
FOLDER_LISTING_TIMEOUT: Final = 30.0
#: The podcast chips' feed: this many episodes by default.
PODCAST_EPISODES: Final = 1000
PODCAST_FEED: Final = "bench.xml"
#: Each episode's audio file: larger than the run, sent 64 kB every 20 ms.
PODCAST_AUDIO_BYTES: Final = 20 * 1024**3
PODCAST_AUDIO_PACE: Final = 0.02
#: A home of many chips: this many on one reader by default, and this many saved more.
CHIPS: Final = 1000
CHIP_SAVES: Final = 40

TARGETS: Final = {
    "place_to_event_ms_p95": 30.0,
    "lift_to_event_ms_p95": 200.0,
    "place_to_play_ms_p95": 6.0,
    "folder_place_to_play_ms_p95": 8.0,
    "podcast_place_to_play_ms_p95": 10.0,
    "lift_to_pause_ms_p95": 200.0,
    "idle_cpu_pct_per_reader": 0.5,
    "loop_stall_ms_max": 10.0,
    "edge_false_lifts": 0,
    "rc522_lift_to_pause_ms_p95": 200.0,
    "rc522_edge_false_lifts": 0,
    "cli_info_s": 0.5,
    "recording_10min_s": 5.0,
    "chips_1000_place_to_play_ms_p95": 8.0,
    "chips_1000_save_ms_p95": 15.0,
}
#: what the RC522 readers' run reports, each key prefixed with rc522_
RC522_KEYS: Final = (
    "place_to_event_ms_p95",
    "lift_to_event_ms_p95",
    "place_to_play_ms_p50",
    "place_to_play_ms_p95",
    "lift_to_pause_ms_p50",
    "lift_to_pause_ms_p95",
    "idle_cpu_pct_per_reader",
    "loop_stall_ms_max",
)
SCRIPTS: Final = Path(__file__).resolve().parent
#: how long the upload of the recording figure lasts by default (minutes)
RECORDING_MINUTES: Final = 10
#: what the recording figure uploads: what Chromium's and Firefox's recorder send
RECORDING_FORMAT: Final = "webm"
#: how often the wiring check (scripts/pn532 … info) is timed; the median counts
CLI_INFO_RUNS: Final = 5
EVENT_TYPES: Final[dict[str, Kind]] = {
    "tag_placed": "placed",
    "tag_removed": "removed",
}


class StallTicker:
    """Sleep ``TICK`` over and over; how late each wake-up comes is a loop stall.

    Alongside, the CPU time of the loop's thread between two ticks tells how much of
    a stall was this process's own work; the rest is the OS not running the process
    (other load on the machine).
    """

    def __init__(self) -> None:
        """Start in the "setup" phase, running."""
        self.phase = "setup"
        self.max_by_phase: dict[str, float] = {}
        self.busy_by_phase: dict[str, float] = {}
        self._running = asyncio.Event()
        self._running.set()

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Stop ticking (its wake-ups cost CPU) for the duration of the block."""
        self._running.clear()
        try:
            yield
        finally:
            self._running.set()

    async def run(self) -> None:
        """Tick until cancelled."""
        loop = asyncio.get_running_loop()
        while True:
            await self._running.wait()
            due = loop.time() + TICK
            cpu = time.thread_time()
            await asyncio.sleep(TICK)
            if self._running.is_set():
                self._record(loop.time() - due, time.thread_time() - cpu)

    def _record(self, late: float, busy: float) -> None:
        phase = self.phase
        if late > self.max_by_phase.get(phase, 0.0):
            self.max_by_phase[phase] = late
        if busy > self.busy_by_phase.get(phase, 0.0):
            self.busy_by_phase[phase] = busy


class BenchSpeaker(Speaker):
    """The tests' honest speaker, telling the bench when a play or a pause reaches it."""

    def __init__(self, name: str) -> None:
        """Start idle, reporting to no one yet."""
        super().__init__(name)
        self.on_call: Callable[[PlayerCall, float], None] | None = None

    def _called(self, call: PlayerCall) -> None:
        if self.on_call is not None:
            self.on_call(call, time.monotonic())

    @override
    async def async_play_media(
        self, media_type: MediaType | str, media_id: str, **kwargs: Any
    ) -> None:
        self._called("play_media")
        await super().async_play_media(media_type, media_id, **kwargs)

    @override
    async def async_media_pause(self) -> None:
        self._called("media_pause")
        await super().async_media_pause()


@dataclass(kw_only=True, slots=True)
class Sample:
    """One tag change, timed on time.monotonic()."""

    total: float  # place()/remove() → state_changed of the event entity
    detect: float  # place()/remove() → the watcher saw it on the wire
    player: float  # place()/remove() → play_media/media_pause reached the player


@dataclass(kw_only=True)
class BenchReader:
    """One simulated reader set up in Home Assistant, and its pending measurements."""

    entry: MockConfigEntry
    reader: Reader
    emulator: Pn532Emulator | Mfrc522Emulator
    entity_id: str
    tag: VirtualTag
    speaker: BenchSpeaker
    waiting: dict[Kind, asyncio.Future[float]] = field(default_factory=dict)
    player_waiting: dict[PlayerCall, asyncio.Future[float]] = field(
        default_factory=dict
    )
    seen_at: dict[Kind, float] = field(default_factory=dict)

    @callback
    def tag_event(self, event: TagEvent) -> None:
        """Remember when the watcher saw the tag come or go (its ``seen_at``)."""
        if event.kind != "placed":  # "arrived" is the placement seen on the wire
            self.seen_at["placed" if event.kind == "arrived" else "removed"] = (
                event.seen_at
            )

    @callback
    def event_fired(self, kind: Kind, at: float) -> None:
        """Finish the measurement waiting for ``kind``: the event entity reported it."""
        future = self.waiting.pop(kind, None)
        if future is not None and not future.done():
            future.set_result(at)

    @callback
    def player_called(self, call: PlayerCall, at: float) -> None:
        """Finish the measurement waiting for ``call``: the player was asked."""
        future = self.player_waiting.pop(call, None)
        if future is not None and not future.done():
            future.set_result(at)

    async def measure(self, kind: Kind) -> Sample:
        """Place the tag or lift it; time the event entity's and the player's answer."""
        loop = asyncio.get_running_loop()
        event: asyncio.Future[float] = loop.create_future()
        call = PLAYER_CALLS[kind]
        player: asyncio.Future[float] = loop.create_future()
        self.waiting[kind] = event
        self.player_waiting[call] = player
        self.seen_at.pop(kind, None)
        started = time.monotonic()
        if kind == "placed":
            self.emulator.place(self.tag)
        else:
            self.emulator.remove()
        try:
            async with asyncio.timeout(EVENT_TIMEOUT):
                ended = await event
                called = await player
        except TimeoutError:
            missing = (
                f"{call} call on {self.speaker.entity_id}"
                if event.done()
                else f"tag_{kind} event"
            )
            msg = f"{self.entity_id}: no {missing} within {EVENT_TIMEOUT} s"
            raise RuntimeError(msg) from None
        seen = self.seen_at.get(kind, ended)
        return Sample(
            total=ended - started, detect=seen - started, player=called - started
        )


@dataclass(kw_only=True)
class Result:
    """What one configuration (strategy and timings) measured."""

    settings: WatchSettings
    placed: list[Sample] = field(default_factory=list)
    removed: list[Sample] = field(default_factory=list)
    idle_cpu_pct: float = 0.0
    loop_stall: float = 0.0
    loop_busy: float = 0.0
    player_calls: Counter[str] = field(default_factory=Counter)

    def summary(self, readers: int) -> dict[str, Any]:
        """Return the figures of the JSON report."""
        return {
            "strategy": _settings_dict(self.settings),
            "place_to_event_ms_p50": _ms(
                _percentile([s.total for s in self.placed], 50)
            ),
            "place_to_event_ms_p95": _ms(
                _percentile([s.total for s in self.placed], 95)
            ),
            "place_to_event_ms_max": _ms(max(s.total for s in self.placed)),
            "lift_to_event_ms_p50": _ms(
                _percentile([s.total for s in self.removed], 50)
            ),
            "lift_to_event_ms_p95": _ms(
                _percentile([s.total for s in self.removed], 95)
            ),
            "lift_to_event_ms_max": _ms(max(s.total for s in self.removed)),
            "place_to_play_ms_p50": _ms(
                _percentile([s.player for s in self.placed], 50)
            ),
            "place_to_play_ms_p95": _ms(
                _percentile([s.player for s in self.placed], 95)
            ),
            "place_to_play_ms_max": _ms(max(s.player for s in self.placed)),
            "lift_to_pause_ms_p50": _ms(
                _percentile([s.player for s in self.removed], 50)
            ),
            "lift_to_pause_ms_p95": _ms(
                _percentile([s.player for s in self.removed], 95)
            ),
            "lift_to_pause_ms_max": _ms(max(s.player for s in self.removed)),
            "idle_cpu_pct_per_reader": round(self.idle_cpu_pct / readers, 4),
            "loop_stall_ms_max": _ms(self.loop_stall),
            "loop_busy_ms_max": _ms(self.loop_busy),
            # every service call the readers' players got, to see what else ran
            "player_calls": dict(sorted(self.player_calls.items())),
            "breakdown_ms_p50": {
                # place() → the watcher's InListPassiveTarget answer
                "place_to_detect": _ms(
                    _percentile([s.detect for s in self.placed], 50)
                ),
                # detection → event entity: reading the tag's NDEF, then HA
                "detect_to_event": _ms(
                    _percentile([s.total - s.detect for s in self.placed], 50)
                ),
                # remove() → the watcher gives up on the tag
                "lift_to_detect": _ms(
                    _percentile([s.detect for s in self.removed], 50)
                ),
                "lift_detect_to_event": _ms(
                    _percentile([s.total - s.detect for s in self.removed], 50)
                ),
                # detection → play_media: reading the NDEF, then the jukebox
                "detect_to_play": _ms(
                    _percentile([s.player - s.detect for s in self.placed], 50)
                ),
                # the watcher gave up on the tag → media_pause
                "lift_detect_to_pause": _ms(
                    _percentile([s.player - s.detect for s in self.removed], 50)
                ),
            },
        }


class Bench:
    """One Home Assistant instance, and readers set up in it one group at a time."""

    def __init__(
        self, hass: HomeAssistant, ticker: StallTicker, message: bytes | None
    ) -> None:
        """Listen to the state changes of every reader's event entity."""
        self.hass = hass
        self.ticker = ticker
        self.message = message
        self._by_entity: dict[str, BenchReader] = {}
        self._speakers: list[BenchSpeaker] = []
        self._count = 0
        hass.bus.async_listen(EVENT_STATE_CHANGED, self._state_changed)

    async def add_speakers(self, count: int, *, queued: int = 0) -> None:
        """Set up one media player per reader to come (the ``test`` platform).

        The last ``queued`` have a queue of their own (for the folder chips).
        """
        self._speakers = [BenchSpeaker(f"Bench {n}") for n in range(1, count + 1)]
        for speaker in self._speakers[count - queued :]:
            speaker.with_queue()
        setup_test_component_platform(self.hass, "media_player", self._speakers)
        # media_player needs http: serve it on a free loopback port, not 8123 (a
        # Home Assistant running on this machine has that one).
        http = {"server_host": ["127.0.0.1"], "server_port": _free_port()}
        if not await async_setup_component(self.hass, "http", {"http": http}):
            msg = "the http integration did not set up"
            raise RuntimeError(msg)
        if not await async_setup_component(
            self.hass, "media_player", {"media_player": {"platform": "test"}}
        ):
            msg = "the media_player integration did not set up"
            raise RuntimeError(msg)
        await self.hass.async_block_till_done()

    @callback
    def _state_changed(self, event: Event[EventStateChangedData]) -> None:
        at = time.monotonic()
        bench_reader = self._by_entity.get(event.data["entity_id"])
        new, old = event.data["new_state"], event.data["old_state"]
        if bench_reader is None or new is None:
            return
        # An event entity's state is the time of its last event: a new time is a new
        # event; anything else (availability, attributes) is not.
        if old is not None and old.state == new.state:
            return
        kind = EVENT_TYPES.get(str(new.attributes.get("event_type")))
        if kind is not None:
            bench_reader.event_fired(kind, at)

    async def add_readers(
        self,
        count: int,
        group: str,
        settings: WatchSettings | None,
        music: str = MEDIA_CONTENT_ID,
        *,
        more_chips: int = 0,
        content_type: str = MediaType.MUSIC,
        chip: SimulatedChip = SimulatedChip.PN532,
    ) -> list[BenchReader]:
        """Set up ``count`` simulated readers, watching with ``settings``.

        Each has its own chip, and ``more_chips`` others that are never placed.
        """
        readers = []
        for _ in range(count):
            self._count += 1
            readers.append(
                await self._add_reader(
                    f"{group} {self._count}",
                    settings,
                    music,
                    more_chips=more_chips,
                    content_type=content_type,
                    chip=chip,
                )
            )
        await self.hass.async_block_till_done()
        return readers

    async def _add_reader(
        self,
        title: str,
        settings: WatchSettings | None,
        music: str,
        *,
        more_chips: int,
        content_type: str,
        chip: SimulatedChip,
    ) -> BenchReader:
        hass = self.hass
        unique_id = f"simulated:bench-{self._count}"
        uid = bytes([0x04, *self._count.to_bytes(6, "big")])
        speaker = self._speakers[self._count - 1]
        if not speaker.entity_id:  # set when the platform added it
            msg = f"speaker {speaker.name!r} is not in Home Assistant"
            raise RuntimeError(msg)
        entry = MockConfigEntry(
            domain=DOMAIN,
            version=NfcJukeboxConfigFlow.VERSION,
            minor_version=NfcJukeboxConfigFlow.MINOR_VERSION,
            unique_id=unique_id,
            title=title,
            data={
                CONF_CONNECTION: Connection.SIMULATED,
                **({CONF_CHIP: chip} if chip is SimulatedChip.RC522 else {}),
            },
            subentries_data=[
                _music_chip(uid.hex().upper(), speaker.entity_id, music, content_type),
                *(
                    _music_chip(_other_uid(n), speaker.entity_id, music)
                    for n in range(more_chips)
                ),
            ],
        )
        entry.add_to_hass(hass)
        if not await hass.config_entries.async_setup(entry.entry_id):
            msg = f"reader {title!r} did not set up: {entry.reason}"
            raise RuntimeError(msg)
        reader = _reader_of(entry)
        if settings is not None:
            reader.settings = dataclasses.replace(settings)  # applies at once
        emulator = reader.emulator
        if emulator is None:
            msg = f"reader {title!r} has no emulator"
            raise RuntimeError(msg)
        if isinstance(emulator, Pn532Emulator):
            # Faults apply from the next byte on: the UART is 115200 baud from here.
            emulator.faults.pace_baud = PACE_BAUD
        entity_id = er.async_get(hass).async_get_entity_id(
            "event", DOMAIN, f"{entry.entry_id}_tag"
        )
        if entity_id is None:
            msg = f"reader {title!r} has no event entity"
            raise RuntimeError(msg)
        bench_reader = BenchReader(
            entry=entry,
            reader=reader,
            emulator=emulator,
            entity_id=entity_id,
            tag=ntag("ntag215", uid, self.message),
            speaker=speaker,
        )
        entry.async_on_unload(reader.async_add_tag_listener(bench_reader.tag_event))
        speaker.on_call = bench_reader.player_called
        self._by_entity[entity_id] = bench_reader
        return bench_reader

    async def remove_readers(self, readers: list[BenchReader]) -> None:
        """Unload the readers' config entries (their watchers stop)."""
        for bench_reader in readers:
            await self.hass.config_entries.async_unload(bench_reader.entry.entry_id)
            del self._by_entity[bench_reader.entity_id]
        await self.hass.async_block_till_done()

    async def idle_cpu_pct(self, seconds: float) -> float:
        """Return this process's CPU use over ``seconds`` of idling, % of one core."""
        with self.ticker.paused():
            wall, cpu = time.monotonic(), time.process_time()
            await asyncio.sleep(seconds)
            return 100 * (time.process_time() - cpu) / (time.monotonic() - wall)

    async def run(
        self,
        args: argparse.Namespace,
        name: str,
        settings: WatchSettings | None,
        music: str = MEDIA_CONTENT_ID,
        *,
        content_type: str = MediaType.MUSIC,
        chip: SimulatedChip = SimulatedChip.PN532,
        ready: Callable[[list[BenchReader]], Awaitable[None]] | None = None,
    ) -> Result:
        """Measure one configuration: set up, settle, idle, place and lift, unload.

        ``ready`` waits until the readers know their chip's music (else a folder's
        listing is waited for, if the music is one).
        """
        result = Result(settings=settings or WatchSettings())
        self.ticker.phase = f"{name} setup"
        readers = await self.add_readers(
            args.readers, name, settings, music, content_type=content_type, chip=chip
        )
        if ready is not None:
            await ready(readers)
        elif music != MEDIA_CONTENT_ID:
            await _listed(readers, music)
        self.ticker.phase = name
        await asyncio.sleep(SETTLE)
        result.idle_cpu_pct = await self.idle_cpu_pct(args.idle_seconds)
        rng = random.Random(f"{args.seed}-{name}")  # noqa: S311 - spacing, not secrets
        await asyncio.gather(
            *(
                _place_and_lift(bench_reader, args.placements, result, rng.random())
                for bench_reader in readers
            )
        )
        result.loop_stall = self.ticker.max_by_phase.get(name, 0.0)
        result.loop_busy = self.ticker.busy_by_phase.get(name, 0.0)
        for bench_reader in readers:
            result.player_calls.update(call for call, _ in bench_reader.speaker.calls)
        self.ticker.phase = f"{name} teardown"
        await self.remove_readers(readers)
        return result

    async def warm_up(self) -> None:
        """Load the platforms and the tag registry once, so no group pays for it."""
        self.ticker.phase = "warm-up"
        (bench_reader,) = await self.add_readers(1, "warm-up", None)
        await bench_reader.measure("placed")
        await bench_reader.measure("removed")
        await self.remove_readers([bench_reader])


class _OpenCard:
    """What the card's subscription needs of a websocket connection; counts bytes."""

    def __init__(self) -> None:
        """Start with nothing sent, as an administrator's card."""
        self.user = SimpleNamespace(is_admin=True)
        self.sent = 0

    def send_message(self, message: str | bytes | dict[str, Any]) -> None:
        """Count what would go over the wire to the card."""
        # serialised as Home Assistant's websocket does it (orjson)
        self.sent += len(
            message if isinstance(message, str | bytes) else json_bytes(message)
        )


def _rc522_figures(result: Result | None, readers: int) -> dict[str, Any]:
    """Return the RC522 readers' figures for the report (``rc522_`` keys)."""
    if result is None:
        return {}
    figures = result.summary(readers)
    return {f"rc522_{key}": figures[key] for key in RC522_KEYS}


def _many_chips_figures(many: dict[str, Any]) -> dict[str, Any]:
    """Return the many-chips figures as the report names them ("chips_1000_…")."""
    if not many:
        return {}
    chips = many["chips"]
    return {
        f"chips_{chips}_{key}": value for key, value in many.items() if key != "chips"
    }


def _other_uid(number: int) -> str:
    """Return the UID of a chip of the home that is never placed."""
    return bytes([0x05, *number.to_bytes(6, "big")]).hex().upper()


async def _home_of_many_chips(
    bench: Bench, args: argparse.Namespace, chips: int
) -> dict[str, Any]:
    """Place a chip of a reader holding ``chips`` chips; save more with a card open."""
    result = Result(settings=WatchSettings())
    bench.ticker.phase = "chips setup"
    started = time.monotonic()
    (bench_reader,) = await bench.add_readers(1, "chips", None, more_chips=chips - 1)
    setup_s = time.monotonic() - started
    bench.ticker.phase = "chips"
    await asyncio.sleep(SETTLE)
    rng = random.Random(f"{args.seed}-chips")  # noqa: S311 - spacing, not secrets
    await _place_and_lift(bench_reader, args.placements, result, rng.random())
    card = _OpenCard()
    subscription = _ReaderSubscription(bench.hass, card, 1, None)  # type: ignore[arg-type]
    subscription.send()
    first_screen = card.sent
    saves: list[float] = []
    pushed: list[int] = []
    speaker = bench_reader.speaker.entity_id
    for number in range(CHIP_SAVES):
        chip = TagMapping(
            uid=_other_uid(chips + number),
            name=f"Saved {number}",
            entity_id=speaker,
            media_content_id=MEDIA_CONTENT_ID,
            media_content_type=MediaType.MUSIC,
        )
        before = card.sent
        began = time.perf_counter()
        await async_save_chip(bench.hass, bench_reader.entry, chip)
        await bench.hass.async_block_till_done()
        saves.append(time.perf_counter() - began)
        pushed.append(card.sent - before)
    subscription.stop()
    backup_figures = await _backup_and_restore(bench, bench_reader)
    summary = result.summary(1)
    bench.ticker.phase = "chips teardown"
    await bench.remove_readers([bench_reader])
    return {
        "chips": chips,
        "reader_setup_s": round(setup_s, 2),
        "place_to_play_ms_p95": summary["place_to_play_ms_p95"],
        "lift_to_pause_ms_p95": summary["lift_to_pause_ms_p95"],
        "save_ms_p50": _ms(_percentile(saves, 50)),
        "save_ms_p95": _ms(_percentile(saves, 95)),
        "card_first_state_bytes": first_screen,
        "card_bytes_per_save_p50": int(_percentile([float(p) for p in pushed], 50)),
        **backup_figures,
    }


async def _backup_and_restore(
    bench: Bench, bench_reader: BenchReader
) -> dict[str, Any]:
    """Time the home's backup, a restore's preview and a restore with every chip renamed."""
    hass = bench.hass
    bench.ticker.phase = "chips export"
    began = time.perf_counter()
    text = json.dumps(export_chips(hass))
    export_s = time.perf_counter() - began
    backup = json.loads(text)
    for chip in backup["chips"]:
        chip["name"] += " (restored)"
    text = json.dumps(backup)
    bench.ticker.phase = "chips import preview"
    began = time.perf_counter()
    chips = await hass.async_add_executor_job(read_backup, json.loads(text))
    read_s = time.perf_counter() - began
    began = time.perf_counter()
    plan = plan_restore(hass, chips)
    preview_s = time.perf_counter() - began
    bench.ticker.phase = "chips import"
    began = time.perf_counter()
    await async_restore(hass, plan, bench_reader.entry)
    bench.ticker.phase = "chips import settling"
    await hass.async_block_till_done()
    restore_s = time.perf_counter() - began
    return {
        "export_ms": _ms(export_s),
        "export_bytes": len(text.encode()),
        "chips_exported": len(backup["chips"]),
        # the schemas in an executor, then what the chips are in this home, on the loop
        "import_read_ms": _ms(read_s),
        "import_preview_ms": _ms(preview_s),
        "import_changed": len(plan.changed),
        "import_conflicts": len(plan.conflicts),
        "import_s": round(restore_s, 2),
    }


async def _place_and_lift(
    bench_reader: BenchReader, placements: int, result: Result, seed: float
) -> None:
    rng = random.Random(seed)  # noqa: S311 - spacing, not secrets
    for _ in range(placements):
        await asyncio.sleep(rng.uniform(*GAP))
        result.placed.append(await bench_reader.measure("placed"))
        await asyncio.sleep(rng.uniform(*DWELL))
        result.removed.append(await bench_reader.measure("removed"))


async def _listed(readers: list[BenchReader], folder: str) -> None:
    """Wait until every reader has listed its chip's folder (as after a start)."""
    async with asyncio.timeout(FOLDER_LISTING_TIMEOUT):
        for bench_reader in readers:
            folders = bench_reader.entry.runtime_data.jukebox.folders
            while not folders.listed(folder):  # noqa: ASYNC110 - no event to await
                await asyncio.sleep(0.05)


async def _folder(bench: Bench, args: argparse.Namespace, config_dir: Path) -> Result:
    """Measure folder chips: a My media folder of ``--folder-tracks`` files."""
    hass = bench.hass
    media = config_dir / "media"
    await hass.async_add_executor_job(_write_folder, media, args.folder_tracks)
    hass.config.media_dirs = {"local": str(media)}
    if not await async_setup_component(hass, "media_source", {}):
        msg = "the media_source integration did not set up"
        raise RuntimeError(msg)
    return await bench.run(args, "folder", None, FOLDER_CONTENT_ID)


async def _podcast(
    bench: Bench, args: argparse.Namespace, config_dir: Path
) -> tuple[Result, float]:
    """Measure podcast chips: a cached list, the feed server slow, episodes downloading.

    Return the figures and the MB of episodes downloaded while they were measured.
    """
    bench.hass.config.media_dirs = {"local": str(config_dir / "media")}
    feeds, feed_runner = await start_feed_server()
    feeds.episodes[PODCAST_FEED] = args.podcast_episodes
    feeds.audio_bytes[PODCAST_FEED] = PODCAST_AUDIO_BYTES
    feeds.audio_pace[PODCAST_FEED] = PODCAST_AUDIO_PACE
    url = feeds.url(PODCAST_FEED)

    async def listed_then_slow(readers: list[BenchReader]) -> None:
        podcasts = readers[0].entry.runtime_data.jukebox.listings.podcasts
        async with asyncio.timeout(FOLDER_LISTING_TIMEOUT):
            while len(podcasts.tracks(url) or ()) < args.podcast_episodes:  # noqa: ASYNC110
                await asyncio.sleep(0.05)
        # From now on the server is slow, and the list older than an hour: each
        # placement asks for the feed again, in the background.
        feeds.slow.add(PODCAST_FEED)
        if (record := podcasts.record(url)) is not None:
            record.fetched_at -= 2 * 3600
        async with asyncio.timeout(FOLDER_LISTING_TIMEOUT):
            while not feeds.audio_sent:  # noqa: ASYNC110 - no event to await
                await asyncio.sleep(0.05)
        nonlocal sent
        sent = feeds.audio_sent

    sent = 0
    try:
        result = await bench.run(
            args, "podcast", None, url, content_type="podcast", ready=listed_then_slow
        )
        return result, (feeds.audio_sent - sent) / 1024**2
    finally:
        feeds.slow_answers.set()
        await feed_runner.cleanup()


def _group_figures(prefix: str, result: Result, readers: int) -> dict[str, Any]:
    """Return the figures of the folder or podcast chips, named ``prefix``_…."""
    figures = result.summary(readers)
    return {
        f"{prefix}_{key}": figures[key]
        for key in (
            "place_to_play_ms_p50",
            "place_to_play_ms_p95",
            "place_to_play_ms_max",
            "lift_to_pause_ms_p95",
            "loop_stall_ms_max",
            "loop_busy_ms_max",
            "player_calls",
        )
    }


def _write_folder(media: Path, tracks: int) -> None:
    """Write ``tracks`` tiny WAV files ("1 Song.wav"…) into media/FOLDER_NAME."""
    folder = media / FOLDER_NAME
    folder.mkdir(parents=True)
    for number in range(1, tracks + 1):
        with wave.open(str(folder / f"{number} Song.wav"), "wb") as audio:
            audio.setnchannels(1)
            audio.setsampwidth(2)
            audio.setframerate(8000)
            audio.writeframes(b"\0\0" * 80)


def _music_chip(
    uid: str, player: str, music: str, content_type: str = MediaType.MUSIC
) -> ConfigSubentryData:
    """Return the mapping of a reader's tag to music on its own player.

    Resuming is off, so every placement starts the music with ``play_media``; a
    resume would call ``media_play`` instead, after the same work in the jukebox.
    A podcast chip keeps its newest two episodes on the box.
    """
    podcast = content_type == MEDIA_PODCAST
    return TagMapping(
        uid=uid,
        name=f"Bench music {uid}",
        entity_id=player,
        media_content_id=music,
        media_content_type=content_type,
        mode=ChipMode.START_OVER,
        keep_episodes=2 if podcast else None,
        keep_mb=MAX_KEEP_MB if podcast else None,
    ).to_subentry_data()


def _reader_of(entry: MockConfigEntry) -> Reader:
    """Return the Reader of a loaded entry (its runtime data, or the data's reader)."""
    data: Any = entry.runtime_data
    reader = data if isinstance(data, Reader) else getattr(data, "reader", None)
    if not isinstance(reader, Reader):
        msg = f"cannot find the Reader in the runtime data {type(data).__name__}"
        raise TypeError(msg)
    return reader


def _percentile(values: list[float], percent: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _settings_dict(settings: WatchSettings) -> dict[str, Any]:
    return {
        "strategy": settings.strategy.value,
        "wait_slice": settings.wait_slice,
        "poll_interval": settings.poll_interval,
        "presence_interval": settings.presence_interval,
        "presence_retries": settings.presence_retries,
        "lift_timeout": settings.lift_timeout,
        "lift_misses": settings.lift_misses,
    }


def _revision() -> str | None:
    """Return the checked-out commit, with "-dirty" if the tree has changes."""
    try:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty"],  # noqa: S607
            cwd=Path(__file__).resolve().parents[1],
            capture_output=True,
            text=True,
            check=True,
        )
    except OSError, subprocess.CalledProcessError:
        return None
    return described.stdout.strip() or None


def _targets(main: dict[str, Any], baseline: dict[str, Any] | None) -> dict[str, Any]:
    return {
        key: {
            "limit": limit,
            "value": main[key],
            "pass": main[key] <= limit,
            **(
                {"baseline": baseline[key], "baseline_pass": baseline[key] <= limit}
                if baseline and key in baseline
                else {}
            ),
        }
        for key, limit in TARGETS.items()
        if key in main
    }


async def _edge(
    minutes: float,
    seed: int,
    message: bytes | None,
    chip: SimulatedChip = SimulatedChip.PN532,
) -> dict[str, Any]:
    """Leave a chip at the edge of the field for ``minutes``; count false lifts.

    Run on a VirtualTimeLoop: the minutes are simulated, the work is real.
    """
    loop = asyncio.get_running_loop()
    emulator: Pn532Emulator | Mfrc522Emulator
    device: Pn532 | Rc522
    if chip is SimulatedChip.RC522:
        emulator = Mfrc522Emulator(seed=seed)
        device = Rc522(EmulatedRc522Connection(emulator).bus())
    else:
        emulator = Pn532Emulator(seed=seed)
        emulator.faults.pace_baud = PACE_BAUD
        device = Pn532(EmulatorTransport(emulator))
    events: list[TagEvent] = []
    checks = 0
    async with device:
        list_passive_target = device.list_passive_target

        async def counted(
            *, retries: int = 1, timeout: float | None = None
        ) -> Target | None:
            nonlocal checks
            checks += 1
            return await list_passive_target(retries=retries, timeout=timeout)

        device.list_passive_target = counted  # type: ignore[assignment, method-assign]
        watcher = TagWatcher(device)

        placed = asyncio.Event()

        async def watch() -> None:
            async for event in watcher.events():
                events.append(event)
                if event.kind == "placed":
                    placed.set()

        watching = asyncio.create_task(watch())
        emulator.place(ntag("ntag215", EDGE_UID, message))
        await placed.wait()
        emulator.faults.miss_activation = EDGE_MISS_ACTIVATION
        started, checks = loop.time(), 0
        await asyncio.sleep(minutes * 60)
        simulated = loop.time() - started
        watching.cancel()
        await asyncio.gather(watching, return_exceptions=True)
    await emulator.aclose()
    return {
        "edge_false_lifts": sum(event.kind == "removed" for event in events),
        "edge_minutes": round(simulated / 60, 2),
        "edge_presence_checks": checks,
        "edge_miss_activation": EDGE_MISS_ACTIVATION,
    }


async def _cli_info_seconds() -> float:
    """Time the wiring check as a person runs it: ``scripts/pn532 --port PTY info``.

    Wall time of the whole process, start-up included, against an emulator on a pty
    served by this process; the median of a few runs.
    """
    emulator = Pn532Emulator()
    link = PtyLink(emulator)
    path = link.open()
    if path is None:
        msg = "no pty for the emulator"
        raise RuntimeError(msg)
    script = SCRIPTS / "pn532"
    times = []
    try:
        for _ in range(CLI_INFO_RUNS):
            started = time.monotonic()
            process = await asyncio.create_subprocess_exec(
                str(script),
                "--port",
                path,
                "info",
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
            )
            _, stderr = await process.communicate()
            times.append(time.monotonic() - started)
            if process.returncode != 0:
                msg = f"scripts/pn532 info failed: {stderr.decode().strip()}"
                raise RuntimeError(msg)
    finally:
        link.close()
        await emulator.aclose()
    return round(statistics.median(times), 3)


def _recording_figures(minutes: int) -> dict[str, Any]:
    """Time what the recordings endpoint does once an upload of ``minutes`` arrived.

    A voice-like WebM/Opus story (silence at both ends) becomes the trimmed MP3 at
    -16 LUFS in My media, as ``make_recording`` does in the endpoint's executor.
    """
    if minutes <= 0:
        return {}
    with tempfile.TemporaryDirectory(prefix="nfc-jukebox-recording-") as folder:
        base = Path(folder)
        upload_path = base / f"story{FORMAT_BY_NAME[RECORDING_FORMAT].suffix}"
        story(upload_path, FORMAT_BY_NAME[RECORDING_FORMAT], seconds=minutes * 60)
        upload = Upload(files=[(upload_path, "story")], size=upload_path.stat().st_size)
        place = Place(base=base / "media", source="local", name="Story", parts=1)
        started = time.monotonic()
        [part] = make_recording(place, upload, replace=False)
        seconds = time.monotonic() - started
        return {
            f"recording_{minutes}min_s": round(seconds, 2),
            "recording_minutes": minutes,
            "recording_format": RECORDING_FORMAT,
            "recording_upload_bytes": upload.size,
            "recording_mp3_bytes": place.path.stat().st_size,
            "recording_duration_s": round(part.duration, 1),
            "recording_loudness_lufs": round(part.loudness, 1),
        }


async def _edges(args: argparse.Namespace) -> dict[str, Any]:
    """Run the chip at the edge of the field on a PN532 and on an RC522."""
    edge: dict[str, Any] = {}
    if args.edge_minutes <= 0:
        return edge
    chips = [SimulatedChip.PN532] + ([] if args.no_rc522 else [SimulatedChip.RC522])
    for chip in chips:
        started = time.monotonic()
        figures = await asyncio.to_thread(
            lambda chip=chip: asyncio.run(
                _edge(args.edge_minutes, args.seed, _message(args), chip),
                loop_factory=VirtualTimeLoop,
            )
        )
        figures["edge_run_seconds"] = round(time.monotonic() - started, 1)
        prefix = "rc522_" if chip is SimulatedChip.RC522 else ""
        edge.update({f"{prefix}{key}": value for key, value in figures.items()})
    return edge


async def _bench(args: argparse.Namespace) -> dict[str, Any]:
    cli_info_s = await _cli_info_seconds()
    recording = await asyncio.to_thread(_recording_figures, args.recording_minutes)
    edge = await _edges(args)
    ticker = StallTicker()
    ticking = asyncio.create_task(ticker.run(), name="stall ticker")
    with tempfile.TemporaryDirectory(prefix="nfc-jukebox-bench-") as config_dir:
        async with async_test_home_assistant(config_dir=config_dir) as hass:
            frame.async_setup(hass)
            # Let the loader find custom integrations (what enable_custom_integrations
            # does in tests): it caches an empty set until this is dropped.
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)
            bench = Bench(hass, ticker, _message(args))
            # One player per reader: the warm-up's, then each configuration's; the
            # folder chips' have a queue.
            groups = 1 if args.no_baseline else 2
            folder_readers = args.readers if args.folder_tracks else 0
            podcast_readers = args.readers if args.podcast_episodes else 0
            chip_readers = 1 if args.chips else 0
            rc522_readers = 0 if args.no_rc522 else args.readers
            await bench.add_speakers(
                1
                + groups * args.readers
                + chip_readers
                + podcast_readers
                + rc522_readers
                + folder_readers,
                queued=folder_readers,
            )
            await bench.warm_up()
            ticker.phase = "hass only"
            hass_idle = await bench.idle_cpu_pct(
                min(HASS_ONLY_IDLE_MAX, args.idle_seconds)
            )
            main = await bench.run(args, "wait", None)
            many = (
                await _home_of_many_chips(bench, args, args.chips) if args.chips else {}
            )
            baseline = (
                None
                if args.no_baseline
                else await bench.run(args, "poll", BASELINE_SETTINGS)
            )
            rc522 = (
                None
                if args.no_rc522
                else await bench.run(args, "rc522", None, chip=SimulatedChip.RC522)
            )
            podcast = (
                await _podcast(bench, args, Path(config_dir))
                if args.podcast_episodes
                else None
            )
            folder = (
                await _folder(bench, args, Path(config_dir))
                if args.folder_tracks
                else None
            )
            ticker.phase = "shutdown"
            await hass.async_stop(force=True)
    ticking.cancel()

    report: dict[str, Any] = {
        "measured_at": "home_assistant",
        "readers": args.readers,
        "placements": args.placements,
        "samples": args.readers * args.placements,
        "idle_seconds": args.idle_seconds,
        "pace_baud": PACE_BAUD,
        "python": platform.python_version(),
        "home_assistant": ha_version,
        "seed": args.seed,
        "tag": {"type": "ntag215", "ndef_uri": args.uri or None},
        "revision": _revision(),
        **main.summary(args.readers),
        **edge,
        "cli_info_s": cli_info_s,
        **recording,
    }
    report.update(_many_chips_figures(many))
    if folder is not None:
        report["folder_tracks"] = args.folder_tracks
        report.update(_group_figures("folder", folder, args.readers))
    if podcast is not None:
        report["podcast_episodes"] = args.podcast_episodes
        report.update(_group_figures("podcast", podcast[0], args.readers))
        report["podcast_downloaded_mb"] = round(podcast[1], 1)
    report.update(_rc522_figures(rc522, args.readers))
    if baseline is not None:
        report["baseline"] = baseline.summary(args.readers)
    report["targets"] = _targets(report, report.get("baseline"))
    report["all_targets_met"] = all(t["pass"] for t in report["targets"].values())
    report["hass_only_idle_cpu_pct"] = round(hass_idle, 4)
    report["loop_stall_ms_max_whole_run"] = _ms(max(ticker.max_by_phase.values()))
    report["loop_stall_ms_max_by_phase"] = {
        phase: _ms(late) for phase, late in ticker.max_by_phase.items()
    }
    report["loop_busy_ms_max_by_phase"] = {
        phase: _ms(busy) for phase, busy in ticker.busy_by_phase.items()
    }
    report["loop_stall_note"] = (
        f"a ticker sleeps {TICK * 1000:g} ms and records how late it wakes, except "
        "during the idle-CPU windows (its wake-ups would be counted as CPU); "
        "loop_stall_ms_max is a configuration's running readers (settling and "
        "placements), setup and teardown count in the whole run; loop_busy_ms_max "
        "is the most CPU the loop's thread used between two ticks: the part of a "
        "stall that is this process's own work, the rest is the OS not running it"
    )
    return report


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _message(args: argparse.Namespace) -> bytes | None:
    return encode_message(uri=args.uri) if args.uri else None


def _print_table(report: dict[str, Any]) -> None:
    baseline = report.get("baseline")
    print(
        f"NFC Jukebox bench: {report['readers']} simulated readers at "
        f"{report['pace_baud']} baud, {report['placements']} placements each, in "
        f"Home Assistant {report['home_assistant']} (Python {report['python']})"
    )
    header = f"{'':28}{'wait (default)':>16}"
    if baseline:
        header += f"{'poll 200 ms':>14}"
    print(header + f"{'target':>10}")
    rows: list[tuple[str, str, Callable[[float], str]]] = [
        ("place→event p50 ms", "place_to_event_ms_p50", "{:.1f}".format),
        ("place→event p95 ms", "place_to_event_ms_p95", "{:.1f}".format),
        ("lift→event p50 ms", "lift_to_event_ms_p50", "{:.1f}".format),
        ("lift→event p95 ms", "lift_to_event_ms_p95", "{:.1f}".format),
        ("place→play p50 ms", "place_to_play_ms_p50", "{:.1f}".format),
        ("place→play p95 ms", "place_to_play_ms_p95", "{:.1f}".format),
        ("lift→pause p50 ms", "lift_to_pause_ms_p50", "{:.1f}".format),
        ("lift→pause p95 ms", "lift_to_pause_ms_p95", "{:.1f}".format),
        ("RC522 place→play p50 ms", "rc522_place_to_play_ms_p50", "{:.1f}".format),
        ("RC522 place→play p95 ms", "rc522_place_to_play_ms_p95", "{:.1f}".format),
        ("RC522 lift→pause p50 ms", "rc522_lift_to_pause_ms_p50", "{:.1f}".format),
        ("RC522 lift→pause p95 ms", "rc522_lift_to_pause_ms_p95", "{:.1f}".format),
        (
            "RC522 idle CPU % per reader",
            "rc522_idle_cpu_pct_per_reader",
            "{:.3f}".format,
        ),
        ("folder place→play p50 ms", "folder_place_to_play_ms_p50", "{:.1f}".format),
        ("folder place→play p95 ms", "folder_place_to_play_ms_p95", "{:.1f}".format),
        ("podcast place→play p50 ms", "podcast_place_to_play_ms_p50", "{:.1f}".format),
        ("podcast place→play p95 ms", "podcast_place_to_play_ms_p95", "{:.1f}".format),
        ("  MB downloaded meanwhile", "podcast_downloaded_mb", "{:.1f}".format),
        ("idle CPU % per reader", "idle_cpu_pct_per_reader", "{:.3f}".format),
        ("loop stall max ms", "loop_stall_ms_max", "{:.1f}".format),
        ("loop busy (own CPU) max ms", "loop_busy_ms_max", "{:.1f}".format),
        ("scripts/pn532 info s", "cli_info_s", "{:.3f}".format),
    ]
    minutes = report.get("recording_minutes", RECORDING_MINUTES)
    rows.append(
        (f"{minutes}-min recording s", f"recording_{minutes}min_s", "{:.2f}".format)
    )
    for label, key, fmt in rows:
        if key not in report:
            continue  # no folder chips (--folder-tracks 0)
        line = f"{label:28}{fmt(report[key]):>16}"
        if baseline:
            line += f"{fmt(baseline[key]) if key in baseline else '':>14}"
        target = report["targets"].get(key)
        if target:
            verdict = "ok" if target["pass"] else "MISSED"
            if target.get("baseline_pass") is False:
                verdict += " (poll misses)"
            line += f"{'≤ ' + format(target['limit'], 'g'):>10}  {verdict}"
        print(line)
    print(
        "stalls by phase (ms): "
        + ", ".join(
            f"{phase} {late:.1f}"
            for phase, late in report["loop_stall_ms_max_by_phase"].items()
        )
    )
    print(f"Home Assistant alone, idle: {report['hass_only_idle_cpu_pct']:.3f} % CPU")
    if "edge_false_lifts" in report:
        print(
            f"chip at the edge of the field ({EDGE_MISS_ACTIVATION:.0%} of tries "
            f"missed): {report['edge_false_lifts']} false lifts in "
            f"{report['edge_minutes']:g} simulated minutes "
            f"({report['edge_presence_checks']} presence checks, "
            f"{report['edge_run_seconds']:g} s)"
        )
    if "rc522_edge_false_lifts" in report:
        print(
            f"the same on an RC522: {report['rc522_edge_false_lifts']} false lifts in "
            f"{report['rc522_edge_minutes']:g} simulated minutes "
            f"({report['rc522_edge_presence_checks']} presence checks, "
            f"{report['rc522_edge_run_seconds']:g} s)"
        )


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/bench",
        description=(
            "Time tag events of simulated PN532 readers in Home Assistant, against a "
            "200 ms polling baseline; the last line printed is a JSON report."
        ),
    )
    parser.add_argument(
        "--readers", type=int, default=4, help="simulated readers (default 4)"
    )
    parser.add_argument(
        "--placements",
        type=int,
        default=20,
        help="placements (each followed by a lift) per reader (default 20)",
    )
    parser.add_argument(
        "--idle-seconds",
        type=float,
        default=10.0,
        help="seconds of idling with no tag for the CPU figure (default 10)",
    )
    parser.add_argument(
        "--seed", type=int, default=1, help="seed of the random spacing (default 1)"
    )
    parser.add_argument(
        "--uri",
        default=TAG_URI,
        help="URI record on the NTAG215 that is placed ('' for a blank tag)",
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip the polling baseline"
    )
    parser.add_argument(
        "--no-rc522",
        action="store_true",
        help="skip the RC522 readers and the RC522 chip at the edge of the field",
    )
    parser.add_argument(
        "--edge-minutes",
        type=float,
        default=10.0,
        help="simulated minutes of a chip at the edge of the field (default 10; "
        "0 skips it)",
    )
    parser.add_argument(
        "--folder-tracks",
        type=int,
        default=FOLDER_TRACKS,
        help="tracks in the folder chips' folder (default 500; 0 skips folder chips)",
    )
    parser.add_argument(
        "--podcast-episodes",
        type=int,
        default=PODCAST_EPISODES,
        help="episodes of the podcast chips' feed (default 1000; 0 skips podcast chips)",
    )
    parser.add_argument(
        "--chips",
        type=int,
        default=CHIPS,
        help="chips of the reader of the many-chips figures (default 1000; 0 skips)",
    )
    parser.add_argument(
        "--recording-minutes",
        type=int,
        default=RECORDING_MINUTES,
        help="minutes of the upload the recordings endpoint prepares (default 10; "
        "0 skips it)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit with status 1 when a target is missed",
    )
    args = parser.parse_args(argv)
    if args.readers < 1 or args.placements < 1 or args.idle_seconds <= 0:
        parser.error("--readers and --placements must be ≥ 1, --idle-seconds > 0")
    return args


def main(argv: list[str]) -> int:
    """Run the benchmark; print a table, then the JSON report as the last line."""
    args = _parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    # "We found a custom integration nfc_jukebox which has not been tested..."
    logging.getLogger("homeassistant.loader").setLevel(logging.ERROR)
    started = time.monotonic()
    report = asyncio.run(_bench(args), loop_factory=runner.create_event_loop)
    report["run_seconds"] = round(time.monotonic() - started, 1)
    _print_table(report)
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return 1 if args.check and not report["all_targets_met"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
