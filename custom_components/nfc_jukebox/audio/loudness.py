"""Loudness as EBU R128 measures it (ITU-R BS.1770-4): K-weighting, gating, true peak.

The K-weighting filters run in FFmpeg's biquad filter (PyAV), with the coefficients of
BS.1770 worked out for the sample rate as libebur128 does; the gating is here. The
true peak is the largest sample of the signal resampled to four times its rate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Final

import av
import numpy as np
import numpy.typing as npt

type Samples = npt.NDArray[np.float32]

#: the absolute gate (LUFS) and the relative gate (LU below the ungated loudness)
ABSOLUTE_GATE: Final = -70.0
RELATIVE_GATE: Final = -10.0
#: loudness is measured in windows of 10 ms; ten make a 100 ms step, four steps a block
WINDOWS_PER_STEP: Final = 10
STEPS_PER_BLOCK: Final = 4
OVERSAMPLING: Final = 4


def window_length(rate: int) -> int:
    """Return the samples of a 10 ms measuring window at ``rate``."""
    return rate // 100


def k_weighting(rate: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Return BS.1770's two K-weighting biquads at ``rate``: (b0, b1, b2, a1, a2) each."""
    f0, gain_db, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh = 10 ** (gain_db / 20)
    vb = vh**0.4996667741545416
    a0 = 1 + k / q + k * k
    shelf = (
        (vh + vb * k / q + k * k) / a0,
        2 * (k * k - vh) / a0,
        (vh - vb * k / q + k * k) / a0,
        2 * (k * k - 1) / a0,
        (1 - k / q + k * k) / a0,
    )
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    a0 = 1 + k / q + k * k
    high_pass = (1.0, -2.0, 1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0)
    return shelf, high_pass


def _k_graph(rate: int, layout: str) -> av.filter.Graph:
    graph = av.filter.Graph()
    source = graph.add_abuffer(
        format="fltp", sample_rate=rate, layout=layout, time_base=Fraction(1, rate)
    )
    last = source
    for b0, b1, b2, a1, a2 in k_weighting(rate):
        biquad = graph.add(
            "biquad",
            f"b0={b0!r}:b1={b1!r}:b2={b2!r}:a0=1:a1={a1!r}:a2={a2!r}:precision=f64",
        )
        last.link_to(biquad)
        last = biquad
    last.link_to(graph.add("abuffersink"))
    graph.configure()
    return graph


def samples_of(frame: av.AudioFrame) -> Samples:
    """Return a planar float frame's samples (channels by samples)."""
    return np.asarray(frame.to_ndarray(), dtype=np.float32)


def window_energy(samples: Samples, length: int) -> npt.NDArray[np.float64]:
    """Return the mean square of each whole window of ``length``, summed over channels."""
    whole = samples.shape[1] // length * length
    squares = np.square(samples[:, :whole], dtype=np.float64)
    energy = squares.reshape(samples.shape[0], -1, length).mean(axis=2).sum(axis=0)
    return np.asarray(energy, dtype=np.float64)


def window_peak(samples: Samples, length: int) -> npt.NDArray[np.float64]:
    """Return the largest absolute sample of each whole window of ``length``."""
    whole = samples.shape[1] // length * length
    peaks = np.abs(samples[:, :whole]).reshape(samples.shape[0], -1, length)
    return np.asarray(peaks.max(axis=(0, 2)), dtype=np.float64)


def _to_lufs(energy: float) -> float:
    return -0.691 + 10 * math.log10(energy) if energy > 0 else -math.inf


def block_energies(windows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Return the energy of each 400 ms block (a new one every 100 ms) of 10 ms windows."""
    steps = len(windows) // WINDOWS_PER_STEP
    if steps < STEPS_PER_BLOCK:
        return np.zeros(0)
    per_step = windows[: steps * WINDOWS_PER_STEP].reshape(steps, -1).mean(axis=1)
    summed = np.convolve(per_step, np.ones(STEPS_PER_BLOCK), mode="valid")
    return np.asarray(summed / STEPS_PER_BLOCK, dtype=np.float64)


def integrated_loudness(blocks: npt.NDArray[np.float64]) -> float:
    """Return the gated loudness (LUFS) of 400 ms blocks' energies; -inf if silent."""
    loud = blocks[blocks > 10 ** ((ABSOLUTE_GATE + 0.691) / 10)]
    if not len(loud):
        return -math.inf
    relative = _to_lufs(float(loud.mean())) + RELATIVE_GATE
    gated = loud[loud > 10 ** ((relative + 0.691) / 10)]
    return _to_lufs(float(gated.mean()))


@dataclass(kw_only=True)
class Meter:
    """Measures a signal fed in pieces: per 10 ms, its energy, K-weighted energy and peak."""

    rate: int
    layout: str
    #: plain mean square per window (finding the silence)
    energy: list[npt.NDArray[np.float64]] = field(default_factory=list)
    #: K-weighted mean square per window, summed over channels (the loudness)
    weighted: list[npt.NDArray[np.float64]] = field(default_factory=list)
    #: true peak per window
    peaks: list[npt.NDArray[np.float64]] = field(default_factory=list)
    _graph: av.filter.Graph | None = None
    _upsampler: av.AudioResampler | None = None
    _fed: int = 0
    _energy_rest: Samples | None = None
    _weighted_rest: Samples | None = None
    _peak_rest: Samples | None = None

    def feed(self, samples: Samples) -> None:
        """Measure the next samples (channels by samples, float32)."""
        if self._graph is None:
            self._graph = _k_graph(self.rate, self.layout)
            self._upsampler = av.AudioResampler(
                format="fltp", layout=self.layout, rate=self.rate * OVERSAMPLING
            )
        length = window_length(self.rate)
        whole = self._joined(self._energy_rest, samples)
        self.energy.append(window_energy(whole, length))
        self._energy_rest = _rest(whole, length)
        frame = av.AudioFrame.from_ndarray(samples, format="fltp", layout=self.layout)
        frame.sample_rate = self.rate
        frame.time_base = Fraction(1, self.rate)
        frame.pts = self._fed
        self._fed += samples.shape[1]
        assert self._upsampler is not None  # noqa: S101 - made with the graph
        self._add_peaks(self._upsampler.resample(frame))
        self._graph.push(frame)
        self._pull()

    def finish(self) -> None:
        """Measure what the filters still hold."""
        if self._graph is None or self._upsampler is None:
            return
        self._add_peaks(self._upsampler.resample(None))
        self._graph.push(None)
        self._pull()

    def _pull(self) -> None:
        assert self._graph is not None  # noqa: S101 - only after feed
        while True:
            try:
                frame = self._graph.pull()
            except av.BlockingIOError, av.EOFError:
                return
            assert isinstance(frame, av.AudioFrame)  # noqa: S101 - an audio graph
            samples = self._joined(self._weighted_rest, samples_of(frame))
            self.weighted.append(window_energy(samples, window_length(self.rate)))
            self._weighted_rest = _rest(samples, window_length(self.rate))

    def _add_peaks(self, frames: list[av.AudioFrame]) -> None:
        length = window_length(self.rate) * OVERSAMPLING
        for frame in frames:
            samples = self._joined(self._peak_rest, samples_of(frame))
            self.peaks.append(window_peak(samples, length))
            self._peak_rest = _rest(samples, length)

    @staticmethod
    def _joined(rest: Samples | None, samples: Samples) -> Samples:
        return samples if rest is None else np.concatenate((rest, samples), axis=1)


def _rest(samples: Samples, length: int) -> Samples | None:
    whole = samples.shape[1] // length * length
    return samples[:, whole:] if whole < samples.shape[1] else None


def joined(parts: list[npt.NDArray[np.float64]]) -> npt.NDArray[np.float64]:
    """Return a meter's per-window values as one array."""
    return np.concatenate(parts) if parts else np.zeros(0)


def to_db(value: float) -> float:
    """Return an amplitude as dB; -inf for silence."""
    return 20 * math.log10(value) if value > 0 else -math.inf
