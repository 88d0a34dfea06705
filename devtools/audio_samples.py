"""Audio files made with PyAV for the recording tests and the bench: real formats."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

import av
import numpy as np
import numpy.typing as npt


@dataclass(frozen=True, kw_only=True, slots=True)
class Format:
    """A container and codec a browser or phone records in."""

    name: str
    suffix: str
    container: str
    codec: str
    rate: int = 48000


#: MP3, M4A/AAC, Ogg/Opus, WAV, FLAC and WebM (what Chrome and Firefox record)
FORMATS: Final = (
    Format(name="mp3", suffix=".mp3", container="mp3", codec="libmp3lame", rate=44100),
    Format(name="m4a", suffix=".m4a", container="ipod", codec="aac", rate=44100),
    Format(name="ogg", suffix=".ogg", container="ogg", codec="libopus"),
    Format(name="wav", suffix=".wav", container="wav", codec="pcm_s16le", rate=22050),
    Format(name="flac", suffix=".flac", container="flac", codec="flac"),
    Format(name="webm", suffix=".webm", container="webm", codec="libopus"),
)
FORMAT_BY_NAME: Final = {audio_format.name: audio_format for audio_format in FORMATS}


#: below this the slow wave of voice_like is a pause between words
PAUSES: Final = -0.3


def voice_like(
    seconds: float, rate: int, *, amplitude: float = 0.05, seed: int = 1
) -> npt.NDArray[np.float32]:
    """Return a signal with the rhythm of speech: tones in syllables, pauses between."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * rate)) / rate
    syllables = 0.5 + 0.5 * np.sin(2 * np.pi * 4 * t)
    words = (np.sin(2 * np.pi * 0.7 * t + rng.uniform(0, 1)) > PAUSES).astype(float)
    tone = np.sin(2 * np.pi * 220 * t) + 0.5 * np.sin(2 * np.pi * 660 * t)
    noise = rng.normal(0, 0.1, len(t))
    return np.asarray(amplitude * syllables * words * (tone + noise), dtype=np.float32)


def write(
    path: Path,
    audio_format: Format,
    signal: npt.NDArray[np.float32],
    *,
    layout: str = "mono",
) -> Path:
    """Write ``signal`` (mono samples at the format's rate) to ``path`` in ``audio_format``."""
    channels = 1 if layout == "mono" else 2
    planar = np.ascontiguousarray(np.repeat(signal[None, :], channels, 0))
    with av.open(str(path), "w", format=audio_format.container) as output:
        stream = output.add_stream(audio_format.codec, rate=audio_format.rate)
        assert isinstance(stream, av.AudioStream)  # noqa: S101 - an audio codec
        stream.layout = layout
        step = audio_format.rate
        for start in range(0, planar.shape[1], step):
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(planar[:, start : start + step]),
                format="fltp",
                layout=layout,
            )
            frame.sample_rate = audio_format.rate
            frame.pts = start
            output.mux(stream.encode(frame))
        output.mux(stream.encode(None))
    return path


def story(
    path: Path,
    audio_format: Format,
    *,
    seconds: float = 3.0,
    silence: float = 1.0,
    amplitude: float = 0.05,
    layout: str = "mono",
) -> Path:
    """Write a voice-like story with ``silence`` seconds of silence before and after."""
    rate = audio_format.rate
    quiet = np.zeros(int(silence * rate), dtype=np.float32)
    voice = voice_like(seconds, rate, amplitude=amplitude)
    return write(
        path, audio_format, np.concatenate((quiet, voice, quiet)), layout=layout
    )
