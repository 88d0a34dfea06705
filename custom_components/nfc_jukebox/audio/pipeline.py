"""A recording made fit to play: decoded, silence trimmed, loudness evened, MP3 encoded.

Blocking (files and FFmpeg through PyAV): run it in an executor. The decoded sound is
measured on its way to a spool file and written from there, so a long story never
sits in memory and is decoded once.
"""

from __future__ import annotations

import functools
import io
import math
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

import av
import numpy as np

from .loudness import (
    Meter,
    Samples,
    block_energies,
    integrated_loudness,
    joined,
    samples_of,
    to_db,
    window_length,
)

#: EBU R128's loudness for streaming (and what podcasts and Yoto-like players use)
TARGET_LUFS: Final = -16.0
#: the true peak allowed (dBTP), and what is aimed at before the MP3 encoder adds its own
MAX_TRUE_PEAK: Final = -1.0
TRUE_PEAK_AIM: Final = -1.5
#: a 10 ms window is silence if quieter than this (dBFS), or this far below the loudest
SILENCE_FLOOR: Final = -50.0
SILENCE_RANGE: Final = 40.0
#: what is kept before the first sound and after the last (s), and the fades there
LEAD_IN: Final = 0.1
LEAD_OUT: Final = 0.3
FADE: Final = 0.01
#: rates MP3 keeps; anything else is resampled to 48 kHz
RATES: Final = (44100, 48000)
BIT_RATES: Final = {"mono": 96_000, "stereo": 160_000}
#: LAME's quality 7: fast, and transparent for speech at these bit rates
MP3_OPTIONS: Final = {"compression_level": "7"}


class AudioError(Exception):
    """A file cannot become a recording; ``key`` says why (a translation key)."""

    def __init__(self, key: str) -> None:
        """Say why (not_audio, no_sound, too_long)."""
        super().__init__(key)
        self.key = key


@dataclass(frozen=True, kw_only=True, slots=True)
class Tags:
    """What the MP3's tags say."""

    title: str
    album: str | None = None
    track: int | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Analysis:
    """What the first reading found: the format to write and where the sound is."""

    rate: int
    layout: str
    start: int
    end: int
    loudness: float
    true_peak: float

    @property
    def gain(self) -> float:
        """Return the gain (dB) to the target loudness, held below the true-peak aim."""
        return min(TARGET_LUFS - self.loudness, TRUE_PEAK_AIM - self.true_peak)


@dataclass(frozen=True, kw_only=True, slots=True)
class Prepared:
    """A finished recording: its length (s), loudness (LUFS) and true peak (dBTP)."""

    duration: float
    loudness: float
    true_peak: float


def prepare(source: Path, target: Path, tags: Tags, *, max_seconds: float) -> Prepared:
    """Write ``source`` as a finished MP3 at ``target``; raise AudioError if it cannot."""
    with tempfile.TemporaryFile() as spool:
        analysis = analyse(source, max_seconds=max_seconds, spool=spool)
        render(spool, target, analysis, tags)
    return Prepared(
        duration=(analysis.end - analysis.start) / analysis.rate,
        loudness=analysis.loudness + analysis.gain,
        true_peak=analysis.true_peak + analysis.gain,
    )


def _format(path: Path) -> tuple[int, str]:
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise AudioError("not_audio")
            stream = container.streams.audio[0]
            rate = stream.codec_context.sample_rate or 0
            channels = stream.codec_context.channels or 1
    except av.FFmpegError as err:
        raise AudioError("not_audio") from err
    return (rate if rate in RATES else RATES[-1]), (
        "mono" if channels == 1 else "stereo"
    )


def decoded(path: Path, rate: int, layout: str) -> Iterator[Samples]:
    """Yield the audio of ``path`` at ``rate`` and ``layout`` in whole 10 ms windows."""
    length = window_length(rate)
    pending: list[Samples] = []
    held = 0
    try:
        with av.open(str(path)) as container:
            resampler = av.AudioResampler(format="fltp", layout=layout, rate=rate)
            for frame in container.decode(container.streams.audio[0]):
                for out in resampler.resample(frame):
                    pending.append(samples_of(out))
                    held += out.samples
                if held >= rate:
                    whole = np.concatenate(pending, axis=1)
                    cut = held // length * length
                    yield whole[:, :cut]
                    pending, held = [whole[:, cut:]], held - cut
            pending.extend(samples_of(out) for out in resampler.resample(None))
    except av.FFmpegError as err:
        raise AudioError("not_audio") from err
    if pending:
        yield np.concatenate(pending, axis=1)


def analyse(
    path: Path, *, max_seconds: float, spool: IO[bytes] | None = None
) -> Analysis:
    """Read ``path``: its format, where the sound starts and ends, how loud it is.

    The decoded samples go to ``spool`` (interleaved float32) for render.
    """
    rate, layout = _format(path)
    meter = Meter(rate=rate, layout=layout)
    total = 0
    for samples in decoded(path, rate, layout):
        total += samples.shape[1]
        if total > max_seconds * rate:
            raise AudioError("too_long")
        meter.feed(samples)
        if spool is not None:
            spool.write(np.ascontiguousarray(samples.T).tobytes())
    meter.finish()
    energy = joined(meter.energy)
    if not len(energy) or not energy.max() > 0:
        raise AudioError("no_sound")
    loudest = 10 * math.log10(energy.max() / (1 if layout == "mono" else 2))
    floor = max(SILENCE_FLOOR, loudest - SILENCE_RANGE)
    per_channel = energy / (1 if layout == "mono" else 2)
    sounding = np.flatnonzero(per_channel > 10 ** (floor / 10))
    length = window_length(rate)
    start = max(0, int(sounding[0]) * length - int(LEAD_IN * rate))
    end = min(total, (int(sounding[-1]) + 1) * length + int(LEAD_OUT * rate))
    first, last = start // length, -(-end // length)
    loudness = integrated_loudness(block_energies(joined(meter.weighted)[first:last]))
    if not math.isfinite(loudness):
        raise AudioError("no_sound")
    return Analysis(
        rate=rate,
        layout=layout,
        start=start,
        end=end,
        loudness=loudness,
        true_peak=to_db(float(joined(meter.peaks)[first:last].max())),
    )


def render(spool: IO[bytes], target: Path, analysis: Analysis, tags: Tags) -> None:
    """Write the kept sound of ``spool``, at the gain, as MP3 to ``target``."""
    rate, layout = analysis.rate, analysis.layout
    channels = 1 if layout == "mono" else 2
    gain = np.float32(10 ** (analysis.gain / 20) / encoder_scale(rate, layout))
    fade = int(FADE * rate)
    with av.open(str(target), "w", format="mp3") as output:
        output.metadata["title"] = tags.title
        if tags.album:
            output.metadata["album"] = tags.album
        if tags.track:
            output.metadata["track"] = str(tags.track)
        stream = _mp3_stream(output, rate, layout)
        for at in range(analysis.start, analysis.end, rate * 4):
            count = min(rate * 4, analysis.end - at)
            spool.seek(at * channels * 4)
            raw = np.frombuffer(spool.read(count * channels * 4), dtype=np.float32)
            kept = raw.reshape(-1, channels).T * gain
            _fade(kept, at, analysis.start, analysis.end, fade)
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(kept), format="fltp", layout=layout
            )
            frame.sample_rate = rate
            frame.pts = at - analysis.start
            output.mux(stream.encode(frame))
        output.mux(stream.encode(None))


def _mp3_stream(
    output: av.container.OutputContainer, rate: int, layout: str
) -> av.AudioStream:
    stream = output.add_stream("libmp3lame", rate=rate, options=MP3_OPTIONS)
    stream.layout = layout
    stream.bit_rate = BIT_RATES[layout]
    return stream


@functools.cache
def encoder_scale(rate: int, layout: str) -> float:
    """Return how much quieter LAME makes a signal (it scales low bit rates by ~0.95).

    Measured once on a tone rather than assumed: LAME chooses the scale itself.
    """
    tone = 0.25 * np.sin(2 * np.pi * 997 * np.arange(rate // 2) / rate)
    samples = np.repeat(
        tone.astype(np.float32)[None, :], 1 if layout == "mono" else 2, 0
    )
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp3") as output:
        stream = _mp3_stream(output, rate, layout)
        frame = av.AudioFrame.from_ndarray(samples, format="fltp", layout=layout)
        frame.sample_rate = rate
        frame.pts = 0
        output.mux(stream.encode(frame))
        output.mux(stream.encode(None))
    buffer.seek(0)
    with av.open(buffer, "r") as container:
        decoded_tone = np.concatenate(
            [frame.to_ndarray() for frame in container.decode(audio=0)], axis=1
        )
    middle = decoded_tone[:, rate // 8 : rate // 3]
    return float(np.sqrt(np.mean(np.square(middle))) / (0.25 / math.sqrt(2)))


def _fade(samples: Samples, at: int, start: int, end: int, length: int) -> None:
    """Fade the first and last ``length`` samples of the kept sound in and out."""
    index = np.arange(at, at + samples.shape[1])
    ramp = np.minimum(1.0, np.minimum(index - start + 1, end - index) / length)
    if ramp.min() < 1:
        samples *= ramp.astype(np.float32)
