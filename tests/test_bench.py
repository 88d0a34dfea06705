"""scripts/bench runs against the integration as it is, and its last line is its report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_a_short_bench_run_reports_every_latency_as_json() -> None:
    # A tiny run: it is about the bench still working with the integration, not
    # about the numbers (those are the bench's own business, never a test's).
    run = subprocess.run(  # noqa: S603 - our own script, with our own interpreter
        [
            sys.executable,
            str(ROOT / "scripts" / "bench.py"),
            "--readers=1",
            "--placements=2",
            "--idle-seconds=0.5",
            "--edge-minutes=0",
            "--folder-tracks=5",
            "--chips=20",
            "--recording-minutes=1",
            "--no-baseline",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )

    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    for key in (
        "place_to_play_ms_p95",
        "place_to_event_ms_p95",
        "lift_to_pause_ms_p95",
        "folder_place_to_play_ms_p95",
        "cli_info_s",
        "chips_20_place_to_play_ms_p95",
        "chips_20_save_ms_p95",
        "chips_20_export_ms",
        "chips_20_import_preview_ms",
        "chips_20_import_s",
        "recording_1min_s",
    ):
        assert isinstance(report[key], float), key
    assert report["samples"] == 2
    assert report["folder_tracks"] == 5
    # The podcast chips were placed while their episodes downloaded.
    assert report["podcast_downloaded_mb"] > 0
    assert report["chips_20_card_bytes_per_save_p50"] > 0
    assert report["chips_20_import_changed"] == report["chips_20_chips_exported"]
