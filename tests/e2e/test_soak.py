"""scripts/soak, run short: every placement and lift is answered, nothing else fires.

And its fault proxy cuts the PN532's byte stream into frames and damages one bit.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from custom_components.nfc_jukebox.pn532.frames import (
    ACK,
    PN532_TO_HOST,
    BadFrame,
    FrameDecoder,
    encode_frame,
)

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
SOAK = SCRIPTS / "soak.py"
REPORTED = (
    "cycles",
    "placements",
    "events",
    "player_calls",
    "unexplained",
    "false_events",
    "corrupt_frame_disconnects",
    "unavailable_spells",
    "reconnect_s_max",
    "position_lost_after_restart",
    "position_lost_after_kill",
    "rss_growth_mb",
    "fd_growth",
    "task_growth",
    "run_s",
)


def _fault_proxy() -> ModuleType:
    """Import scripts/fault_proxy.py (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "fault_proxy", SCRIPTS / "fault_proxy.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_the_proxy_cuts_the_stream_into_whole_frames_however_it_arrives() -> None:
    response = encode_frame(
        bytes.fromhex("4B01010044000704A1B2C3D4E5F6"), PN532_TO_HOST
    )
    stream = b"\xff\x13" + ACK + response + ACK  # noise on the line first
    splitter = _fault_proxy().FrameSplitter()
    pieces = [piece for byte in stream for piece in splitter.feed(bytes([byte]))]
    # Nothing lost, nothing reordered; the response is one piece, from its start code.
    assert b"".join(piece for piece, _ in pieces) == stream
    assert [piece for piece, information in pieces if information] == [response[1:]]


def test_the_proxy_damages_one_bit_of_a_frame_each_time_a_different_one() -> None:
    fault_proxy = _fault_proxy()
    response = encode_frame(
        bytes.fromhex("4B01010044000704A1B2C3D4E5F6"), PN532_TO_HOST
    )
    damaged = [fault_proxy.corrupt(response, number) for number in range(1, 9)]
    for frame in damaged:
        flipped = [a ^ b for a, b in zip(frame, response, strict=True) if a != b]
        assert len(flipped) == 1
        assert flipped[0].bit_count() == 1
    assert len(set(damaged)) == len(damaged)
    assert any(
        isinstance(event, BadFrame)
        for frame in damaged
        for event in FrameDecoder().feed(frame)
    )


@pytest.mark.e2e
@pytest.mark.timeout(180)  # it starts its own Home Assistant
def test_a_short_soak_answers_every_chip_and_fires_no_false_event() -> None:
    """A few cycles on both readers, bad frames on the network one, a 1 s outage."""
    finished = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [
            sys.executable,
            str(SOAK),
            "--cycles=4",
            "--fault-cycles=4",
            "--outages=1",
            "--skip=slow-link",
            "--skip=restart",
            "--skip=kill",
        ],
        capture_output=True,
        text=True,
        timeout=150,
        check=False,
    )
    output = f"--- stdout ---\n{finished.stdout}\n--- stderr ---\n{finished.stderr}"
    assert finished.stdout.strip(), output
    report = json.loads(finished.stdout.strip().splitlines()[-1])

    assert [key for key in REPORTED if key not in report] == [], output
    assert report["cycles"] == 4
    # 4 cycles on each reader, 4 on the network reader with bad frames, and the
    # outage: the chip put on before it, lifted during it, put on and lifted after.
    assert report["placements"] == 14
    assert report["events"] == report["placements"]
    assert report["player_calls"] == report["placements"]
    assert report["lift_events"] == report["lifts"] == report["placements"]
    assert report["unexplained"] == 0, report["notes"]
    assert report["false_events"] == 0, report["notes"]
    assert report["false_player_calls"] == 0, report["notes"]
    assert report["unavailable_spells"] == 0
    assert report["reconnect_s_max"] is not None
    assert report["log_errors"] == 0
    assert finished.returncode == 0, output
