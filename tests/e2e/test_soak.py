"""scripts/soak, run short: every placement and lift is answered, nothing else fires."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.timeout(180),  # it starts its own Home Assistant
]

SOAK = Path(__file__).resolve().parents[2] / "scripts" / "soak.py"
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
