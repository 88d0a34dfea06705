"""Soak a real Home Assistant with place/lift cycles and network faults; prints JSON last.

Starts the latest Home Assistant (``.venv-develop``, as the end-to-end tests do) with this
integration, the demo speakers, the recorder and a small probe (``scripts/soak_probe``)
in a throw-away configuration, onboards it over HTTP and adds two readers:

* a **simulated** reader, driven with the ``simulate_place``/``simulate_remove`` actions;
  its chip plays on ``media_player.living_room``;
* a **network** reader (``socket://``) whose far end is an emulated PN532 in this
  process, served over TCP behind a fault-injecting proxy (``scripts/fault_proxy.py``);
  its chip plays on ``media_player.bedroom``.

Then, watching Home Assistant's websocket API (``state_changed`` of the readers' event
entities and speakers, ``call_service`` of ``media_player``):

1. ``cycles``: N place/lift cycles on both readers at once. Each placement must be
   answered by a ``tag_placed`` event and a ``play_media``/``media_play`` call, each
   lift by ``tag_removed`` and ``media_pause``. RSS, open files and asyncio tasks of
   Home Assistant are sampled along the way.
2. ``corrupt``: cycles on the network reader while one bit is flipped in every Nth
   PN532→host frame. A reader that turns unavailable here was knocked off by a single
   bad frame (``corrupt_frame_disconnects``): a NACK and a resend should recover it.
3. ``slow-link``: cycles while every byte is written on its own, late.
4. ``outage Ns``: the link drops (refused) for N seconds, with the chip lifted or placed
   meanwhile; the change must be reported once the link is back, and the reader must be
   back within ``reconnect_s`` of the link.
5. ``restart`` / ``kill``: a chip plays for a few seconds and is lifted; Home Assistant
   is stopped (SIGTERM), or killed (SIGKILL) shortly after the lift, and started again;
   the chip put back must continue where it was lifted (a ``media_seek`` to there).

Each change waits for the answers to the one before, so the reader's lift debounce
(a chip gone for less than 120 ms was never lifted) never merges two of them: every
placement and lift must be answered (``unexplained`` 0), and nothing else may fire
(``false_events`` 0). Run it through ``scripts/soak`` (``--help`` for the options).
Every wait is bounded and everything talks to 127.0.0.1 only.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The integration and the end-to-end machinery are imported from the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import asyncio
import contextlib
import json
import logging
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final, Literal

import aiohttp
from fault_proxy import FaultProxy, LinkFaults

from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator, ntag
from devtools.hass_client import (
    DOMAIN,
    Chip,
    FlowError,
    HomeAssistantApi,
    set_up,
)
from devtools.hass_process import HASS
from devtools.hass_process import HomeAssistant as HassProcess
from devtools.hass_storage import confirm_http, keep_offline
from tests.e2e.conftest import RELEASE
from tests.pn532.bridges import SocketBridge

type Kind = Literal["placed", "removed"]
type Json = dict[str, Any]

REPO: Final = Path(__file__).resolve().parents[1]
PROBE: Final = Path(__file__).resolve().parent / "soak_probe"
START_TIMEOUT: Final = 180.0  # seconds; a loaded machine starts Home Assistant slowly
#: A placement or lift not answered within this time counts as unexplained.
EVENT_TIMEOUT: Final = 5.0
#: Random pauses before a lift and before the next placement (seconds): short, so 2000
#: cycles take minutes, and random, so they do not phase-lock with the reader's polling.
DWELL: Final = (0.0, 0.06)
GAP: Final = (0.0, 0.06)
#: How long a chip plays before it is lifted in the restart scenarios (seconds).
PLAY_BEFORE_RESTART: Final = 4.0
#: A resumed position may differ from the lifted one by this much: the jukebox reads it
#: when the lift is reported, ~150 ms after it, from a speaker reporting whole seconds.
POSITION_TOLERANCE: Final = 1.5
SAMPLE_EVERY: Final = 100  # cycles between two resource samples
PACE_BAUD: Final = 115200
PLAY_CALLS: Final = frozenset({"play_media", "media_play"})
PAUSE_CALLS: Final = frozenset({"media_pause"})
EXPECTED_CALLS: Final[dict[Kind, frozenset[str]]] = {
    "placed": PLAY_CALLS,
    "removed": PAUSE_CALLS,
}
EVENT_TYPES: Final[dict[str, Kind]] = {
    "tag_placed": "placed",
    "tag_removed": "removed",
}
SIMULATED_CHIP: Final = Chip(
    uid="04A1B2C3D4E5F6",
    name="Soak lullaby",
    entity_id="media_player.living_room",
    media_content_id="dQw4w9WgXcQ",
)
NETWORK_CHIP: Final = Chip(
    uid="04112233445566",
    name="Soak fireplace",
    entity_id="media_player.bedroom",
    media_content_id="eyU3bRy2x44",
)
CONFIGURATION: Final = """\
homeassistant:
  # As in config/configuration.yaml: onboarding adds no weather service at this location.
  latitude: 52.3731339
  longitude: 4.8903147
# What scripts/develop runs (config/configuration.yaml), recorder and logbook included.
frontend:
config:
tag:
media_source:
history:
logbook:
search:
sun:
my:
system_health:
demo:
soak_probe:
logger:
  default: warning
  logs:
    custom_components.nfc_jukebox: info
    homeassistant.util.package: info  # "Attempting install of …" in the console log
"""

#: Where Debian's libjemalloc2 puts jemalloc, which Home Assistant's container images
#: preload (``LD_PRELOAD``) instead of the C library's malloc.
JEMALLOC: Final = Path("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2")
#: What sets up the recorder here (``--no-recorder`` leaves them out).
RECORDER_USERS: Final = ("history", "logbook")

LOGGER = logging.getLogger("soak")


def configuration(*, recorder: bool) -> str:
    """Return configuration.yaml, with or without the recorder."""
    if recorder:
        return CONFIGURATION
    return "".join(
        line
        for line in CONFIGURATION.splitlines(keepends=True)
        if line.rstrip().removesuffix(":") not in RECORDER_USERS
    )


# Home Assistant as a process -------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def prepare(config: Path, *, recorder: bool = True) -> HomeAssistantApi:
    """Write the configuration, link the integration and the probe in, keep offline.

    What ``start_home_assistant`` of the end-to-end tests does, plus the probe, and
    split from the start so that Home Assistant can be started again on it.
    """
    port = _free_port()
    (config / "configuration.yaml").write_text(configuration(recorder=recorder))
    confirm_http(config, port)
    components = config / "custom_components"
    components.mkdir()
    (components / DOMAIN).symlink_to(REPO / "custom_components" / DOMAIN)
    shutil.copytree(PROBE, components / PROBE.name)
    keep_offline(config)
    return HomeAssistantApi(f"http://127.0.0.1:{port}")


def launch(
    config: Path, api: HomeAssistantApi, *, preload: Path | None = None
) -> HassProcess:
    """Start ``hass`` on a prepared configuration (again after a stop or a kill).

    ``preload`` is a malloc to use instead of the C library's (``LD_PRELOAD``).
    """
    console = config / "console.log"
    env = dict(os.environ)
    if preload is not None:
        env["LD_PRELOAD"] = str(preload)
    with console.open("ab") as output:
        process = subprocess.Popen(  # noqa: S603 - our own hass, fixed arguments
            [str(HASS), "--config", str(config), "--log-no-color"],
            stdout=output,
            stderr=subprocess.STDOUT,  # Ctrl-C stops it too: same session
            env=env,
        )
    return HassProcess(process=process, api=api, log=console)


def proc_rss_mb(pid: int) -> float:
    """Return the resident memory of a process in MB (MiB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def proc_fds(pid: int) -> int:
    """Return how many files a process has open."""
    return len(list(Path(f"/proc/{pid}/fd").iterdir()))


# Watching Home Assistant ------------------------------------------------------------


@dataclass(kw_only=True)
class Watched:
    """One reader as the soak sees it: its entities, its speaker, what they reported."""

    name: str
    entry_id: str
    event_entity: str
    speaker: str
    events: asyncio.Queue[tuple[Kind, str, float]] = field(
        default_factory=asyncio.Queue
    )
    calls: asyncio.Queue[tuple[str, Json, float]] = field(default_factory=asyncio.Queue)
    last_event_state: str | None = None
    #: set while the reader is available, and while it is not
    up: asyncio.Event = field(default_factory=asyncio.Event)
    down: asyncio.Event = field(default_factory=asyncio.Event)
    #: (became unavailable, became available again or None), time.monotonic()
    spells: list[list[float | None]] = field(default_factory=list)

    @property
    def available(self) -> bool:
        """Return whether the reader's entities are available."""
        return self.up.is_set()

    @available.setter
    def available(self, available: bool) -> None:
        (self.up if available else self.down).set()
        (self.down if available else self.up).clear()


class Monitor:
    """A websocket client of Home Assistant that sorts events to the watched readers."""

    def __init__(self, url: str, token: str) -> None:
        """Connect to the Home Assistant at ``url``; watch readers once told to."""
        self._url = url.replace("http://", "ws://") + "/api/websocket"
        self._token = token
        self.by_event: dict[str, Watched] = {}
        self.by_speaker: dict[str, Watched] = {}
        self.speaker_states: dict[str, Json] = {}
        self.player_calls: Counter[str] = Counter()
        self._session: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._reader: asyncio.Task[None] | None = None
        self._next_id = 1
        self._pending: dict[int, asyncio.Future[Json]] = {}

    async def connect(self) -> None:
        """Log in and subscribe to state changes and service calls."""
        self._session = aiohttp.ClientSession()
        self._ws = await self._session.ws_connect(self._url, heartbeat=30)
        await self._ws.receive_json()  # auth_required
        await self._ws.send_json({"type": "auth", "access_token": self._token})
        answer = await self._ws.receive_json()
        if answer.get("type") != "auth_ok":
            msg = f"websocket log-in failed: {answer}"
            raise RuntimeError(msg)
        self._reader = asyncio.create_task(self._read(), name="soak websocket")
        for event_type in ("state_changed", "call_service"):
            await self.command({"type": "subscribe_events", "event_type": event_type})

    def watch(self, readers: list[Watched]) -> None:
        """Sort the events of these readers' entities and speakers to them."""
        self.by_event = {reader.event_entity: reader for reader in readers}
        self.by_speaker = {reader.speaker: reader for reader in readers}

    async def event_entity(self, entry_id: str, timeout: float = 30.0) -> str:
        """Return the event entity of a reader's config entry, once it exists."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            entities = await self.command({"type": "config/entity_registry/list"})
            for entity in entities:
                if entity["config_entry_id"] == entry_id and entity[
                    "entity_id"
                ].startswith("event."):
                    entity_id: str = entity["entity_id"]
                    return entity_id
            await asyncio.sleep(0.5)
        msg = f"the reader of config entry {entry_id} has no event entity"
        raise RuntimeError(msg)

    async def close(self) -> None:
        """Disconnect (Home Assistant stops, or the soak is over)."""
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        if self._ws is not None:
            await self._ws.close()
        if self._session is not None:
            await self._session.close()
        for future in self._pending.values():
            future.cancel()
        self._pending.clear()

    async def command(self, message: Json, timeout: float = 30.0) -> Any:  # noqa: ANN401 - JSON
        """Send a websocket command; return its result (raise if it failed)."""
        assert self._ws is not None  # noqa: S101 - connected first
        message_id = self._next_id
        self._next_id += 1
        future: asyncio.Future[Json] = asyncio.get_running_loop().create_future()
        self._pending[message_id] = future
        await self._ws.send_json({"id": message_id, **message})
        async with asyncio.timeout(timeout):
            answer = await future
        if not answer.get("success", False):
            msg = f"{message['type']} failed: {answer.get('error')}"
            raise RuntimeError(msg)
        return answer.get("result")

    async def call(
        self, domain: str, service: str, data: Json, *, response: bool = False
    ) -> Json:
        """Perform an action; return its response data when asked."""
        result = await self.command(
            {
                "type": "call_service",
                "domain": domain,
                "service": service,
                "service_data": data,
                "return_response": response,
            }
        )
        answer: Json = (result or {}).get("response") or {}
        return answer

    async def _read(self) -> None:
        assert self._ws is not None  # noqa: S101
        async for message in self._ws:
            if message.type is not aiohttp.WSMsgType.TEXT:
                break
            now = time.monotonic()
            data = json.loads(message.data)
            for item in data if isinstance(data, list) else [data]:
                if item.get("type") == "result":
                    future = self._pending.pop(item["id"], None)
                    if future is not None and not future.done():
                        future.set_result(item)
                elif item.get("type") == "event":
                    self._event(item["event"], now)

    def _event(self, event: Json, now: float) -> None:
        if event["event_type"] == "call_service":
            self._service_called(event["data"], now)
        else:
            self._state_changed(event["data"], now)

    def _service_called(self, data: Json, now: float) -> None:
        if data.get("domain") != "media_player":
            return
        service_data = data.get("service_data") or {}
        targets = service_data.get("entity_id") or []
        for entity_id in [targets] if isinstance(targets, str) else targets:
            reader = self.by_speaker.get(entity_id)
            if reader is not None:
                self.player_calls[data["service"]] += 1
                reader.calls.put_nowait((data["service"], service_data, now))

    def _state_changed(self, data: Json, now: float) -> None:
        entity_id = data["entity_id"]
        new, old = data.get("new_state"), data.get("old_state")
        if entity_id in self.by_speaker and new is not None:
            self.speaker_states[entity_id] = new
        reader = self.by_event.get(entity_id)
        if reader is None or new is None:
            return
        if new["state"] == "unavailable":
            if reader.available and old is not None:
                reader.spells.append([now, None])
            reader.available = False
            return
        if not reader.available:
            reader.available = True
            if reader.spells and reader.spells[-1][1] is None:
                reader.spells[-1][1] = now
        # An event entity's state is the time of its last event: a new time is a new
        # event; the same one coming back (availability, a restart) is not.
        if new["state"] in {"unknown", reader.last_event_state}:
            return
        reader.last_event_state = new["state"]
        kind = EVENT_TYPES.get(str(new["attributes"].get("event_type")))
        if kind is not None:
            reader.events.put_nowait((kind, str(new["attributes"].get("uid")), now))


# Counting ---------------------------------------------------------------------------


@dataclass(kw_only=True)
class Tally:
    """What one scenario (or the whole run) saw."""

    cycles: int = 0
    placements: int = 0
    lifts: int = 0
    events: int = 0  # tag_placed answering a placement
    lift_events: int = 0  # tag_removed answering a lift
    player_calls: int = 0  # play_media/media_play answering a placement
    pause_calls: int = 0  # media_pause answering a lift
    unexplained: int = 0
    false_events: int = 0
    false_player_calls: int = 0
    place_to_event: list[float] = field(default_factory=list)
    place_to_play: list[float] = field(default_factory=list)
    lift_to_event: list[float] = field(default_factory=list)
    lift_to_pause: list[float] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        """Remember what went wrong (the first few of each run)."""
        LOGGER.warning("%s", text)
        if len(self.notes) < 20:  # noqa: PLR2004 - enough to see a pattern
            self.notes.append(text)

    def add(self, other: Tally) -> None:
        """Add another scenario's counts to these."""
        for name, value in vars(other).items():
            mine = getattr(self, name)
            if isinstance(value, list):
                mine.extend(value[: 20 - len(mine)] if name == "notes" else value)
            else:
                setattr(self, name, mine + value)

    def summary(self) -> Json:
        """Return the counts and the latency percentiles (ms)."""
        return {
            "cycles": self.cycles,
            "placements": self.placements,
            "lifts": self.lifts,
            "events": self.events,
            "lift_events": self.lift_events,
            "player_calls": self.player_calls,
            "pause_calls": self.pause_calls,
            "unexplained": self.unexplained,
            "false_events": self.false_events,
            "false_player_calls": self.false_player_calls,
            **_latencies("place_to_event", self.place_to_event),
            **_latencies("place_to_play", self.place_to_play),
            **_latencies("lift_to_event", self.lift_to_event),
            **_latencies("lift_to_pause", self.lift_to_pause),
            "notes": self.notes,
        }


def _latencies(name: str, values: list[float]) -> Json:
    if not values:
        return {}
    if len(values) == 1:
        p50 = p95 = values[0]
    else:
        percentiles = statistics.quantiles(values, n=100, method="inclusive")
        p50, p95 = percentiles[49], percentiles[94]
    return {
        f"{name}_ms_p50": round(p50 * 1000, 1),
        f"{name}_ms_p95": round(p95 * 1000, 1),
        f"{name}_ms_max": round(max(values) * 1000, 1),
    }


def _mb(kib: int | None) -> float | None:
    return None if kib is None else round(kib / 1024, 1)


def _drain[T](queue: asyncio.Queue[T]) -> list[T]:
    items: list[T] = []
    while not queue.empty():
        items.append(queue.get_nowait())
    return items


async def _next[T](queue: asyncio.Queue[T], deadline: float) -> T | None:
    remaining = deadline - time.monotonic()
    if remaining <= 0 and queue.empty():
        return None
    try:
        async with asyncio.timeout(max(remaining, 0)):
            return await queue.get()
    except TimeoutError:
        return None


# The readers ------------------------------------------------------------------------


@dataclass(kw_only=True)
class SoakReader:
    """A watched reader and how to put its chip on and take it off."""

    watched: Watched
    chip: Chip
    place: Callable[[], Awaitable[None]]
    lift: Callable[[], Awaitable[None]]


def _unexpected(reader: SoakReader, tally: Tally, when: str) -> None:
    """Count what the reader and its speaker reported while nothing changed."""
    for kind, uid, _ in _drain(reader.watched.events):
        tally.false_events += 1
        tally.note(f"{reader.watched.name}: tag_{kind} {uid} {when}")
    for service, _, _ in _drain(reader.watched.calls):
        if service in PLAY_CALLS | PAUSE_CALLS:
            tally.false_player_calls += 1
            tally.note(f"{reader.watched.name}: {service} {when}")


async def change(
    reader: SoakReader,
    kind: Kind,
    tally: Tally,
    *,
    timeout: float = EVENT_TIMEOUT,
    act: bool = True,
) -> bool:
    """Place or lift the chip; wait for the event and the player call that answer it.

    With ``act`` False the chip was moved already (during an outage) and only the
    answer is awaited, from now. Return whether both came within ``timeout``.
    """
    watched = reader.watched
    if act:
        stayed = "off" if kind == "placed" else "on"
        _unexpected(reader, tally, f"while the chip stayed {stayed}")
    started = time.monotonic()
    deadline = started + timeout
    if act:
        await (reader.place() if kind == "placed" else reader.lift())
    if kind == "placed":
        tally.placements += 1
    else:
        tally.lifts += 1
    event_at = await _answering_event(reader, kind, tally, deadline)
    call_at = await _answering_call(reader, kind, tally, deadline)
    if event_at is not None:
        if kind == "placed":
            tally.events += 1
            tally.place_to_event.append(event_at - started)
        else:
            tally.lift_events += 1
            tally.lift_to_event.append(event_at - started)
    if call_at is not None:
        if kind == "placed":
            tally.player_calls += 1
            tally.place_to_play.append(call_at - started)
        else:
            tally.pause_calls += 1
            tally.lift_to_pause.append(call_at - started)
    if event_at is not None and call_at is not None:
        return True
    tally.unexplained += 1
    calls = "/".join(sorted(EXPECTED_CALLS[kind]))
    missing = " and ".join(
        what for what, at in ((f"tag_{kind}", event_at), (calls, call_at)) if at is None
    )
    tally.note(f"{watched.name}: chip {kind}, no {missing} within {timeout:.0f} s")
    return False


async def _answering_event(
    reader: SoakReader, kind: Kind, tally: Tally, deadline: float
) -> float | None:
    """Return when the event answering the change came; count others as false."""
    watched = reader.watched
    while (item := await _next(watched.events, deadline)) is not None:
        seen, uid, at = item
        if seen == kind and uid == reader.chip.uid:
            return at
        tally.false_events += 1
        tally.note(f"{watched.name}: tag_{seen} {uid} while awaiting tag_{kind}")
    return None


async def _answering_call(
    reader: SoakReader, kind: Kind, tally: Tally, deadline: float
) -> float | None:
    """Return when the player call answering the change came; count others as false.

    Calls that go with playing (volume, repeat, seek) are neither.
    """
    watched = reader.watched
    wanted = EXPECTED_CALLS[kind]
    while (item := await _next(watched.calls, deadline)) is not None:
        service, _, at = item
        if service in wanted:
            return at
        if service in PLAY_CALLS | PAUSE_CALLS:
            tally.false_player_calls += 1
            tally.note(f"{watched.name}: {service} while awaiting {sorted(wanted)}")
    return None


async def cycle(reader: SoakReader, tally: Tally, rng: random.Random) -> None:
    """Place the chip, let it lie a moment, lift it."""
    await change(reader, "placed", tally)
    await asyncio.sleep(rng.uniform(*DWELL))
    await change(reader, "removed", tally)
    await asyncio.sleep(rng.uniform(*GAP))
    tally.cycles += 1


# The soak ---------------------------------------------------------------------------


@dataclass(kw_only=True)
class Resources:
    """Home Assistant's resources at one moment."""

    cycle: int
    rss_mb: float
    fds: int
    tasks: int
    gc_objects: int
    #: what the probe measured inside: Python blocks, SQLite's and malloc's memory
    inside: Json

    def as_json(self) -> Json:
        """Return them for the report."""
        return {
            "cycle": self.cycle,
            "rss_mb": round(self.rss_mb, 1),
            "fds": self.fds,
            "tasks": self.tasks,
            "gc_objects": self.gc_objects,
            **{
                key: _mb(self.inside.get(f"{key}_kib"))
                for key in ("sqlite", "malloc_in_use", "malloc_free")
            },
            "python_blocks": self.inside.get("python_blocks"),
        }


class Soak:
    """One Home Assistant, two readers, and the scenarios run against them."""

    def __init__(self, args: argparse.Namespace, config: Path) -> None:
        """Prepare; nothing runs yet."""
        self.args = args
        self.config = config
        self.api = prepare(config, recorder=not args.no_recorder)
        self.hass: HassProcess | None = None
        self.monitor: Monitor | None = None
        self.proxy: FaultProxy | None = None
        self.simulated: SoakReader | None = None
        self.network: SoakReader | None = None
        self.scenarios: dict[str, Json] = {}
        self.total = Tally()
        self.samples: list[Resources] = []
        self.timings: Json = {}
        self.reconnects: list[float] = []
        self.restarts: Json = {}
        self.trace: Json | None = None
        self.player_calls: Counter[str] = Counter()
        self.trimmed: Json = {}
        self.simulated_id = ""
        self.rng = random.Random(args.seed)  # noqa: S311 - spacing, not secrets

    # Starting and stopping Home Assistant -------------------------------------------

    async def start(self) -> float:
        """Start Home Assistant (again), log in, add what is missing; return seconds.

        The first start onboards it and adds the simulated reader with its chip.
        """
        started = time.monotonic()
        self.hass = hass = launch(self.config, self.api, preload=self.args.jemalloc)
        try:
            jukebox = await asyncio.to_thread(
                set_up,
                self.api,
                reader_name="Soak simulated",
                chips=(SIMULATED_CHIP,),
                timeout=START_TIMEOUT,
                alive=lambda: hass.process.poll() is None,
            )
        except Exception as err:
            msg = f"Home Assistant did not start: {err}\n{hass.log_tail()}"
            raise RuntimeError(msg) from err
        self.simulated_id = jukebox.entry_id
        return time.monotonic() - started

    async def stop(self, *, kill: bool = False) -> None:
        """SIGTERM (wait for the stop) or SIGKILL Home Assistant; stop watching it."""
        if self.monitor is not None:
            self.player_calls.update(self.monitor.player_calls)
            await self.monitor.close()
            self.monitor = None
        if self.hass is None:
            return
        if kill:
            self.hass.process.send_signal(signal.SIGKILL)
            await asyncio.to_thread(self.hass.process.wait)
        else:
            await asyncio.to_thread(self.hass.stop)

    async def watch(self) -> None:
        """Find the readers' entities; connect the monitor."""
        assert self.simulated is not None  # noqa: S101
        assert self.network is not None  # noqa: S101
        assert self.api.token is not None  # noqa: S101
        readers = [self.simulated.watched, self.network.watched]
        if self.monitor is None:
            self.monitor = Monitor(self.api.url, self.api.token)
            await self.monitor.connect()
        self.monitor.watch(readers)
        for reader in readers:
            state = await asyncio.to_thread(self.api.state, reader.event_entity)
            reader.available = state["state"] != "unavailable"
            if reader.last_event_state is None:
                reader.last_event_state = state["state"]
            _drain(reader.events)
            _drain(reader.calls)

    async def set_up_readers(self, stack: contextlib.AsyncExitStack) -> None:
        """Serve the network reader's PN532 and add the reader; watch both readers.

        The emulator, its TCP server and the proxy stop when ``stack`` closes.
        """
        emulator = Pn532Emulator()
        stack.push_async_callback(emulator.aclose)
        emulator.faults.pace_baud = PACE_BAUD
        bridge = await stack.enter_async_context(SocketBridge(emulator))
        self.proxy = proxy = FaultProxy(bridge.port)
        await proxy.start()
        stack.push_async_callback(proxy.close)
        api = self.api
        simulated_id = self.simulated_id
        network_id = await asyncio.to_thread(_add_network_reader, api, proxy.url)
        await asyncio.to_thread(api.add_music_chip, network_id, NETWORK_CHIP)
        tag = ntag("ntag215", bytes.fromhex(NETWORK_CHIP.uid))

        async def place_network() -> None:
            emulator.place(tag)

        async def lift_network() -> None:
            emulator.remove()

        async def place_simulated() -> None:
            assert self.monitor is not None  # noqa: S101
            await self.monitor.call(
                DOMAIN,
                "simulate_place",
                {"config_entry_id": simulated_id, "uid": SIMULATED_CHIP.uid},
            )

        async def lift_simulated() -> None:
            assert self.monitor is not None  # noqa: S101
            await self.monitor.call(
                DOMAIN, "simulate_remove", {"config_entry_id": simulated_id}
            )

        assert api.token is not None  # noqa: S101 - logged in by set_up
        self.monitor = monitor = Monitor(api.url, api.token)
        await monitor.connect()
        registry = {
            entry_id: await monitor.event_entity(entry_id)
            for entry_id in (simulated_id, network_id)
        }
        self.simulated = SoakReader(
            watched=Watched(
                name="simulated reader",
                entry_id=simulated_id,
                event_entity=registry[simulated_id],
                speaker=SIMULATED_CHIP.entity_id,
            ),
            chip=SIMULATED_CHIP,
            place=place_simulated,
            lift=lift_simulated,
        )
        self.network = SoakReader(
            watched=Watched(
                name="network reader",
                entry_id=network_id,
                event_entity=registry[network_id],
                speaker=NETWORK_CHIP.entity_id,
            ),
            chip=NETWORK_CHIP,
            place=place_network,
            lift=lift_network,
        )
        await self.watch()
        await self.wait_available(self.network, 30.0)

    async def wait_available(self, reader: SoakReader, timeout: float) -> float | None:
        """Wait until the reader is available; return when it became so, or None."""
        try:
            async with asyncio.timeout(timeout):
                await reader.watched.up.wait()
        except TimeoutError:
            return None
        spells = reader.watched.spells
        return (
            spells[-1][1] if spells and spells[-1][1] is not None else time.monotonic()
        )

    # Resources ----------------------------------------------------------------------

    async def sample(self, cycle_number: int) -> Resources:
        """Measure Home Assistant's RSS, open files and tasks."""
        assert self.hass is not None  # noqa: S101
        assert self.monitor is not None  # noqa: S101
        stats = await self.monitor.call("soak_probe", "stats", {}, response=True)
        pid = self.hass.process.pid
        sample = Resources(
            cycle=cycle_number,
            rss_mb=proc_rss_mb(pid),
            fds=proc_fds(pid),
            tasks=stats["tasks"],
            gc_objects=stats["gc_objects"],
            inside=stats,
        )
        self.samples.append(sample)
        LOGGER.info("resources: %s", json.dumps(sample.as_json()))
        return sample

    # Scenarios ----------------------------------------------------------------------

    def _spells(self, reader: SoakReader, since: float) -> int:
        return sum(
            1
            for start, _ in reader.watched.spells
            if start is not None and start >= since
        )

    async def run_cycles(self) -> None:
        """Place and lift both chips ``--cycles`` times, sampling resources."""
        assert self.simulated is not None  # noqa: S101
        assert self.network is not None  # noqa: S101
        tally = Tally()
        since = time.monotonic()
        warm_up = min(self.args.cycles // 10, SAMPLE_EVERY)
        for number in range(1, self.args.cycles + 1):
            await asyncio.gather(
                cycle(self.simulated, tally, self.rng),
                cycle(self.network, tally, self.rng),
            )
            if number == warm_up or number % SAMPLE_EVERY == 0:
                await self.sample(number)
                if number == warm_up and self.args.tracemalloc:
                    assert self.monitor is not None  # noqa: S101
                    await self.monitor.call(
                        "soak_probe",
                        "trace_start",
                        {"frames": self.args.tracemalloc},
                        response=True,
                    )
        if not self.samples or self.samples[-1].cycle != self.args.cycles:
            await self.sample(self.args.cycles)
        assert self.monitor is not None  # noqa: S101
        trimmed = await self.monitor.call("soak_probe", "trim", {}, response=True)
        self.trimmed = {
            key.replace("_kib", "_mb"): _mb(value) for key, value in trimmed.items()
        }
        if self.args.tracemalloc:
            assert self.monitor is not None  # noqa: S101
            self.trace = await self.monitor.call(
                "soak_probe", "trace_report", {"limit": 15}, response=True
            )
        tally.cycles //= 2  # both readers count each cycle
        self.finish(
            "cycles",
            tally,
            since,
            unavailable_spells=self._spells_all(since),
            unavailable_spells_network=self._spells(self.network, since),
        )

    def _spells_all(self, since: float) -> int:
        assert self.simulated is not None  # noqa: S101
        assert self.network is not None  # noqa: S101
        return self._spells(self.simulated, since) + self._spells(self.network, since)

    async def run_faulty_cycles(self, name: str, faults: LinkFaults) -> None:
        """Cycle the network reader's chip while its link misbehaves."""
        assert self.network is not None  # noqa: S101
        assert self.proxy is not None  # noqa: S101
        tally = Tally()
        since = time.monotonic()
        self.proxy.faults = faults
        corrupted = self.proxy.stats.corrupted_frames
        frames = self.proxy.stats.frames_to_host
        try:
            for _ in range(self.args.fault_cycles):
                await cycle(self.network, tally, self.rng)
        finally:
            self.proxy.faults = LinkFaults()
        extra = {
            "unavailable_spells": self._spells(self.network, since),
            "frames_to_host": self.proxy.stats.frames_to_host - frames,
            "corrupted_frames": self.proxy.stats.corrupted_frames - corrupted,
        }
        # Let a reconnect in progress finish before the next scenario.
        await self.wait_available(self.network, 60.0)
        self.finish(name, tally, since, **extra)

    async def run_outage(self, seconds: float, *, lift: bool) -> None:
        """Drop the link for ``seconds``; move the chip meanwhile; bring the link back."""
        assert self.network is not None  # noqa: S101
        assert self.proxy is not None  # noqa: S101
        network = self.network
        name = f"outage {seconds:g}s ({'lift' if lift else 'place'} meanwhile)"
        tally = Tally()
        since = time.monotonic()
        kind: Kind = "removed" if lift else "placed"
        if lift:
            await change(network, "placed", tally)
        await self.proxy.drop()
        went = time.monotonic()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(EVENT_TIMEOUT):
                await network.watched.down.wait()
        noticed = time.monotonic() - went if not network.watched.available else None
        await asyncio.sleep(min(1.0, seconds / 2))
        await (network.lift() if lift else network.place())
        await asyncio.sleep(max(0.0, seconds - (time.monotonic() - went)))
        await self.proxy.restore()
        back = time.monotonic()
        returned = await self.wait_available(network, self.args.reconnect_limit)
        reconnect_s = None if returned is None else round(max(returned - back, 0.0), 2)
        if reconnect_s is not None:
            self.reconnects.append(reconnect_s)
        # The chip moved while the link was down: reported once it is back.
        _unexpected(network, tally, "while the link was down")
        await change(network, kind, tally, timeout=EVENT_TIMEOUT, act=False)
        if not lift:
            await change(network, "removed", tally)
        await cycle(network, tally, self.rng)
        self.finish(
            name,
            tally,
            since,
            outage_s=seconds,
            noticed_s=None if noticed is None else round(noticed, 2),
            reconnect_s=reconnect_s,
        )

    async def run_restart(self, *, kill: bool) -> None:
        """Play, lift, stop (or kill) Home Assistant, start it; the chip must resume."""
        assert self.simulated is not None  # noqa: S101
        simulated = self.simulated
        name = "kill" if kill else "restart"
        tally = Tally()
        since = time.monotonic()
        await change(simulated, "placed", tally)
        await asyncio.sleep(PLAY_BEFORE_RESTART)
        paused_at = self._playing_position(simulated)
        await change(simulated, "removed", tally)
        if kill:
            await asyncio.sleep(self.args.kill_after)
        await self.stop(kill=kill)
        start_s = await self.start()
        await self.watch()
        for reader in (simulated, self.network):
            assert reader is not None  # noqa: S101
            await self.wait_available(reader, 60.0)
        await change(simulated, "placed", tally)
        seek = await self._seek(simulated)
        await change(simulated, "removed", tally)
        lost = (
            paused_at is None
            or seek is None
            or abs(seek - paused_at) > POSITION_TOLERANCE
        )
        if lost:
            tally.note(f"{name}: paused at {paused_at}, resumed with a seek to {seek}")
        self.restarts[f"position_lost_after_{name}"] = lost
        self.finish(
            name,
            tally,
            since,
            start_s=round(start_s, 1),
            paused_at=paused_at,
            resumed_at=seek,
            position_lost=lost,
            **({"kill_after_lift_s": self.args.kill_after} if kill else {}),
        )

    def _playing_position(self, reader: SoakReader) -> float | None:
        """Return where the speaker is now, from its last playing state.

        As the jukebox computes it when the chip is lifted: the reported position
        plus the time since it was reported. (The demo speakers count the seconds
        they were paused as played; that is theirs to get right, not the soak's.)
        """
        assert self.monitor is not None  # noqa: S101
        state = self.monitor.speaker_states.get(reader.watched.speaker) or {}
        attributes = state.get("attributes") or {}
        position = attributes.get("media_position")
        updated = attributes.get("media_position_updated_at")
        if state.get("state") != "playing" or position is None or updated is None:
            return None
        elapsed = datetime.now(UTC) - datetime.fromisoformat(updated)
        return round(float(position) + elapsed.total_seconds(), 2)

    async def _seek(self, reader: SoakReader) -> float | None:
        """Return where the jukebox sought the speaker to after the placement."""
        deadline = time.monotonic() + EVENT_TIMEOUT
        while (item := await _next(reader.watched.calls, deadline)) is not None:
            service, data, _ = item
            if service == "media_seek":
                return float(data["seek_position"])
        return None

    def finish(self, name: str, tally: Tally, since: float, **extra: Any) -> None:
        """Record a scenario's figures."""
        self.total.add(tally)
        self.scenarios[name] = {
            **tally.summary(),
            **extra,
            "seconds": round(time.monotonic() - since, 1),
        }
        LOGGER.info("%s: %s", name, json.dumps(self.scenarios[name]))

    # The whole run -------------------------------------------------------------------

    async def run(self) -> Json:
        """Start, set up, run every scenario asked for, stop; return the report."""
        started = time.monotonic()
        async with contextlib.AsyncExitStack() as stack:
            stack.push_async_callback(self.stop)
            self.timings["start_s"] = round(await self.start(), 1)
            await self.set_up_readers(stack)
            await self.scenarios_asked_for()
        self.timings["run_s"] = round(time.monotonic() - started, 1)
        return self.report()

    async def scenarios_asked_for(self) -> None:
        """Run the cycles, then every fault scenario not skipped."""
        args = self.args
        phase = time.monotonic()
        await self.run_cycles()
        self.timings["cycles_s"] = round(time.monotonic() - phase, 1)
        if "corrupt" not in args.skip:
            await self.run_faulty_cycles(
                f"corrupt every {args.corrupt_every}th frame",
                LinkFaults(corrupt_every=args.corrupt_every),
            )
        if "slow-link" not in args.skip:
            await self.run_faulty_cycles(
                f"split bytes, {args.latency_ms:g} ms late",
                LinkFaults(split=True, latency=args.latency_ms / 1000),
            )
        if "outages" not in args.skip:
            for index, seconds in enumerate(args.outages):
                await self.run_outage(seconds, lift=index % 2 == 0)
        if "restart" not in args.skip:
            await self.run_restart(kill=False)
        if "kill" not in args.skip:
            await self.run_restart(kill=True)

    def report(self) -> Json:
        """Return the JSON report."""
        args = self.args
        total = self.total.summary()
        cycles = self.scenarios["cycles"]
        corrupt = next(
            (v for k, v in self.scenarios.items() if k.startswith("corrupt")), None
        )
        base = self.samples[0] if self.samples else None
        last = self.samples[-1] if self.samples else None
        growth = base is not None and last is not None
        spells = sum(
            scenario.get("unavailable_spells", 0)
            for name, scenario in self.scenarios.items()
            if not name.startswith("corrupt")
        )
        log = (self.config / "console.log").read_text(errors="replace")
        report: Json = {
            "cycles": cycles["cycles"],
            "placements": total["placements"],
            "events": total["events"],
            "player_calls": total["player_calls"],
            "lifts": total["lifts"],
            "lift_events": total["lift_events"],
            "pause_calls": total["pause_calls"],
            "unexplained": total["unexplained"],
            "false_events": total["false_events"],
            "false_player_calls": total["false_player_calls"],
            "corrupt_frame_disconnects": None
            if corrupt is None
            else corrupt["unavailable_spells"],
            "unavailable_spells": spells,
            "reconnect_s_max": max(self.reconnects) if self.reconnects else None,
            "position_lost_after_restart": self.restarts.get(
                "position_lost_after_restart"
            ),
            "position_lost_after_kill": self.restarts.get("position_lost_after_kill"),
            "rss_growth_mb": round(last.rss_mb - base.rss_mb, 1) if growth else None,  # type: ignore[union-attr]
            "fd_growth": last.fds - base.fds if growth else None,  # type: ignore[union-attr]
            "task_growth": last.tasks - base.tasks if growth else None,  # type: ignore[union-attr]
            "gc_object_growth": last.gc_objects - base.gc_objects if growth else None,  # type: ignore[union-attr]
            # Where RSS growth sits: SQLite's page caches (the recorder's), memory
            # malloc holds in use and free (fragmentation), none of it in Python objects.
            **(_native_growth(base.as_json(), last.as_json()) if growth else {}),  # type: ignore[union-attr]
            # After the cycles, malloc_trim(0) in Home Assistant: RSS before and after.
            "malloc_trim": self.trimmed,
            "growth_over_cycles": None if not growth else f"{base.cycle}..{last.cycle}",  # type: ignore[union-attr]
            "samples": [sample.as_json() for sample in self.samples],
            # Errors the integration logged (Home Assistant's own, ffmpeg missing, are not ours).
            "log_errors": sum(
                1 for line in log.splitlines() if " ERROR " in line and DOMAIN in line
            ),
            **{f"{key}": value for key, value in self.timings.items()},
            "cycle_ms_mean": round(
                1000 * self.timings["cycles_s"] / max(cycles["cycles"], 1), 1
            )
            if "cycles_s" in self.timings
            else None,
            "place_to_event_ms_p95": total.get("place_to_event_ms_p95"),
            "place_to_play_ms_p95": total.get("place_to_play_ms_p95"),
            "lift_to_event_ms_p95": total.get("lift_to_event_ms_p95"),
            "lift_to_pause_ms_p95": total.get("lift_to_pause_ms_p95"),
            "player_calls_by_service": dict(sorted(self.player_calls.items())),
            "scenarios": self.scenarios,
            "notes": total["notes"],
            "options": {
                "cycles": args.cycles,
                "fault_cycles": args.fault_cycles,
                "corrupt_every": args.corrupt_every,
                "latency_ms": args.latency_ms,
                "outages_s": args.outages,
                "kill_after_s": args.kill_after,
                "skip": sorted(args.skip),
                "seed": args.seed,
                "tracemalloc_frames": args.tracemalloc,
                "recorder": not args.no_recorder,
                "malloc": "jemalloc" if args.jemalloc else "libc",
            },
            "home_assistant": RELEASE,
            "python": platform.python_version(),
            "revision": _revision(),
        }
        if self.trace is not None:
            report["tracemalloc"] = self.trace
        report["invariants_hold"] = (
            report["unexplained"] == 0 and report["false_events"] == 0
        )
        return report


def _native_growth(base: Json, last: Json) -> Json:
    growth: Json = {}
    for key in ("sqlite", "malloc_in_use", "malloc_free"):
        if base.get(key) is not None and last.get(key) is not None:
            growth[f"{key}_growth_mb"] = round(last[key] - base[key], 1)
    if base.get("python_blocks") is not None and last.get("python_blocks") is not None:
        growth["python_block_growth"] = last["python_blocks"] - base["python_blocks"]
    return growth


def _add_network_reader(api: HomeAssistantApi, url: str) -> str:
    """Add a ``socket://`` reader through the config flow; return its entry id."""
    flows = "/api/config/config_entries/flow"
    result = api.post(flows, {"handler": DOMAIN})
    result = api.post(f"{flows}/{result['flow_id']}", {"next_step_id": "network"})
    # a new reader names its speaker: the one the network chip plays on
    result = api.post(
        f"{flows}/{result['flow_id']}",
        {"url": url, "media_player": NETWORK_CHIP.entity_id},
    )
    if result.get("type") != "create_entry":
        msg = f"adding the network reader {url} ended with {result}"
        raise FlowError(msg)
    entry_id: str = result["result"]["entry_id"]
    return entry_id


def _revision() -> str | None:
    try:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty"],  # noqa: S607
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
    except OSError, subprocess.CalledProcessError:
        return None
    return described.stdout.strip() or None


def _print_summary(report: Json) -> None:
    print(
        f"NFC Jukebox soak: {report['cycles']} cycles on two readers in Home Assistant "
        f"{report['home_assistant']}, {report['run_s']:.0f} s"
    )
    for name, scenario in report["scenarios"].items():
        extra = ", ".join(
            f"{key} {scenario[key]}"
            for key in (
                "unavailable_spells",
                "corrupted_frames",
                "reconnect_s",
                "position_lost",
            )
            if key in scenario
        )
        print(
            f"  {name:40} placements {scenario['placements']:5}  "
            f"unexplained {scenario['unexplained']}  false {scenario['false_events']}"
            + (f"  {extra}" if extra else "")
        )
    for key in (
        "unexplained",
        "false_events",
        "corrupt_frame_disconnects",
        "unavailable_spells",
        "reconnect_s_max",
        "position_lost_after_restart",
        "position_lost_after_kill",
        "rss_growth_mb",
        "sqlite_growth_mb",
        "malloc_free_growth_mb",
        "fd_growth",
        "task_growth",
        "log_errors",
    ):
        print(f"  {key:32} {report.get(key)}")
    trace = report.get("tracemalloc")
    if trace:
        print(
            f"  tracemalloc: {trace['traced_growth_kib']} KiB traced growth; top sites:"
        )
        for site in trace["top_lines"][:10]:
            print(
                f"    {site['size_diff_kib']:>9.1f} KiB {site['count_diff']:>7}  {site['site']}"
            )


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/soak",
        description=(
            "Soak a real Home Assistant with place/lift cycles on a simulated and a "
            "network reader, link faults and restarts; the last line printed is JSON."
        ),
    )
    parser.add_argument(
        "--cycles", type=int, help="place/lift cycles on both readers (default 2000)"
    )
    parser.add_argument(
        "--fault-cycles",
        type=int,
        help="cycles in each link-fault scenario (default 100)",
    )
    parser.add_argument(
        "--corrupt-every",
        type=int,
        default=10,
        help="flip a bit in every Nth PN532→host frame (default 10)",
    )
    parser.add_argument(
        "--latency-ms",
        type=float,
        default=10.0,
        help="delay of each chunk on the slow link (default 10 ms)",
    )
    parser.add_argument(
        "--outages",
        help="seconds the link is down, comma-separated (default 5,30,180)",
    )
    parser.add_argument(
        "--kill-after",
        type=float,
        default=0.3,
        help="seconds between a lift and SIGKILL (default 0.3)",
    )
    parser.add_argument(
        "--reconnect-limit",
        type=float,
        default=120.0,
        help="seconds to wait for a reader after the link is back (default 120)",
    )
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=("corrupt", "slow-link", "outages", "restart", "kill"),
        help="leave a scenario out (repeatable)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a short run: 20 cycles, 10 per fault, one 2 s outage",
    )
    parser.add_argument(
        "--tracemalloc",
        type=int,
        default=0,
        metavar="FRAMES",
        help="trace allocations in Home Assistant after the warm-up, FRAMES deep, "
        "and report what grew (slows it down)",
    )
    parser.add_argument(
        "--no-recorder",
        action="store_true",
        help="leave the recorder (history, logbook) out of Home Assistant, to tell "
        "its memory from the integration's",
    )
    parser.add_argument(
        "--jemalloc",
        nargs="?",
        const=JEMALLOC,
        type=Path,
        metavar="PATH",
        help=f"run Home Assistant with jemalloc, as its container images do "
        f"(default PATH {JEMALLOC}; Debian: apt-get install libjemalloc2)",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the spacing")
    parser.add_argument(
        "--keep", action="store_true", help="keep the configuration directory"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    args = parser.parse_args(argv)
    quick = args.quick
    args.cycles = args.cycles if args.cycles is not None else (20 if quick else 2000)
    args.fault_cycles = (
        args.fault_cycles if args.fault_cycles is not None else (10 if quick else 100)
    )
    outages = (
        args.outages if args.outages is not None else ("2" if quick else "5,30,180")
    )
    try:
        args.outages = [float(part) for part in outages.split(",") if part.strip()]
    except ValueError:
        parser.error("--outages takes seconds, comma-separated: 5,30,180")
    args.skip = set(args.skip)
    if args.cycles < 1 or args.fault_cycles < 1 or args.corrupt_every < 1:
        parser.error("--cycles, --fault-cycles and --corrupt-every must be ≥ 1")
    if args.jemalloc is not None and not args.jemalloc.exists():
        parser.error(f"--jemalloc: {args.jemalloc} does not exist")
    if any(seconds <= 0 for seconds in args.outages):
        parser.error("outages must be longer than 0 s")
    return args


def main(argv: list[str]) -> int:
    """Run the soak; print a summary, then the JSON report as the last line."""
    args = _parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not HASS.exists():
        print(f"{HASS} is missing: run scripts/setup-develop", file=sys.stderr)
        return 2
    config = Path(tempfile.mkdtemp(prefix="nfc-jukebox-soak-"))
    try:
        report = asyncio.run(Soak(args, config).run())
    finally:
        if args.keep:
            print(f"Configuration kept in {config}", file=sys.stderr)
        else:
            shutil.rmtree(config, ignore_errors=True)
    _print_summary(report)
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0 if report["invariants_hold"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
