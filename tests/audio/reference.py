"""FFmpeg's own EBU R128 meter (the ebur128 filter): the reference the tests compare with."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import av


@dataclass(frozen=True, kw_only=True, slots=True)
class Reading:
    """What FFmpeg's ebur128 measured: integrated loudness and true peak of a file."""

    loudness: float
    true_peak: float
    duration: float
    title: str | None


def measure(path: Path) -> Reading:
    """Measure ``path`` with FFmpeg's ebur128 filter (true peak on)."""
    metadata: dict[str, str] = {}
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        graph = av.filter.Graph()
        source = graph.add_abuffer(template=stream)
        meter = graph.add("ebur128", "metadata=1:peak=true")
        sink = graph.add("abuffersink")
        source.link_to(meter)
        meter.link_to(sink)
        graph.configure()
        samples = 0

        def pull() -> None:
            while True:
                try:
                    frame = graph.pull()
                except av.BlockingIOError, av.EOFError:
                    return
                metadata.update(frame.metadata)

        for frame in container.decode(stream):
            samples += frame.samples
            graph.push(frame)
            pull()
        graph.push(None)
        pull()
        title = container.metadata.get("title")
        rate = stream.sample_rate
    peaks = [
        float(v)
        for k, v in metadata.items()
        if k.startswith("lavfi.r128.true_peaks_ch")
    ]
    return Reading(
        loudness=float(metadata["lavfi.r128.I"]),
        true_peak=20 * math.log10(max(peaks)),
        duration=samples / rate,
        title=title,
    )
