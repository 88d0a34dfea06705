"""The pipeline: every format a browser or phone records becomes an even MP3."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from custom_components.nfc_jukebox.audio import loudness
from custom_components.nfc_jukebox.audio.pipeline import (
    MAX_TRUE_PEAK,
    TARGET_LUFS,
    AudioError,
    Tags,
    prepare,
)
from devtools.audio_samples import (
    FORMAT_BY_NAME,
    FORMATS,
    Format,
    story,
    voice_like,
    write,
)

from .reference import measure


def _meter(samples: np.ndarray, rate: int, layout: str = "mono") -> loudness.Meter:
    meter = loudness.Meter(rate=rate, layout=layout)
    for start in range(0, samples.shape[1], rate):
        meter.feed(np.ascontiguousarray(samples[:, start : start + rate]))
    meter.finish()
    return meter


@pytest.mark.parametrize("rate", [44100, 48000])
def test_a_997_hz_sine_at_minus_20_dbfs_measures_minus_23_lufs(rate: int) -> None:
    t = np.arange(rate * 10) / rate
    sine = (0.1 * np.sin(2 * np.pi * 997 * t)).astype(np.float32)[None, :]

    meter = _meter(sine, rate)

    blocks = loudness.block_energies(loudness.joined(meter.weighted))
    assert loudness.integrated_loudness(blocks) == pytest.approx(-23.01, abs=0.02)
    assert loudness.to_db(float(loudness.joined(meter.peaks).max())) == pytest.approx(
        -20.0, abs=0.05
    )


def test_the_meter_agrees_with_ffmpegs_ebur128(tmp_path: Path) -> None:
    wav = FORMAT_BY_NAME["flac"]
    signal = voice_like(8, wav.rate, amplitude=0.2)
    path = write(tmp_path / "voice.flac", wav, signal, layout="stereo")

    meter = _meter(np.repeat(signal[None, :], 2, 0), wav.rate, "stereo")

    reference = measure(path)
    blocks = loudness.block_energies(loudness.joined(meter.weighted))
    assert loudness.integrated_loudness(blocks) == pytest.approx(
        reference.loudness, abs=0.1
    )
    peak = loudness.to_db(float(loudness.joined(meter.peaks).max()))
    assert peak == pytest.approx(reference.true_peak, abs=0.3)


@pytest.mark.parametrize("audio_format", FORMATS, ids=lambda f: f.name)
@pytest.mark.parametrize("layout", ["mono", "stereo"])
def test_every_format_becomes_an_mp3_at_minus_16_lufs_with_its_silence_trimmed(
    tmp_path: Path, audio_format: Format, layout: str
) -> None:
    source = story(
        tmp_path / f"story{audio_format.suffix}",
        audio_format,
        seconds=3,
        silence=1.5,
        layout=layout,
    )
    target = tmp_path / "out.mp3"

    prepared = prepare(source, target, Tags(title="Grandma's story"), max_seconds=60)

    reading = measure(target)
    assert reading.loudness == pytest.approx(TARGET_LUFS, abs=0.5)
    assert prepared.loudness == pytest.approx(TARGET_LUFS, abs=0.05)
    assert reading.true_peak <= MAX_TRUE_PEAK
    # 3 s of sound, 0.1 s kept before it and 0.3 s after, not the 1.5 s of silence
    assert 3.0 <= prepared.duration <= 3.6
    assert 3.0 <= reading.duration <= 3.7
    assert reading.title == "Grandma's story"


def test_a_peaky_recording_keeps_its_true_peak_below_minus_1_dbtp(
    tmp_path: Path,
) -> None:
    flac = FORMAT_BY_NAME["flac"]
    signal = voice_like(4, flac.rate, amplitude=0.01)
    signal[flac.rate : flac.rate + 20] = 0.9  # a knock on the microphone
    source = write(tmp_path / "knock.flac", flac, signal)

    prepared = prepare(
        source, tmp_path / "out.mp3", Tags(title="Knock"), max_seconds=60
    )

    reading = measure(tmp_path / "out.mp3")
    assert reading.true_peak <= MAX_TRUE_PEAK
    assert prepared.loudness < TARGET_LUFS  # quieter rather than clipped
    assert reading.loudness == pytest.approx(prepared.loudness, abs=0.5)


def test_a_silent_file_is_refused(tmp_path: Path) -> None:
    wav = FORMAT_BY_NAME["wav"]
    source = write(tmp_path / "silence.wav", wav, np.zeros(wav.rate * 2, np.float32))

    with pytest.raises(AudioError) as raised:
        prepare(source, tmp_path / "out.mp3", Tags(title="x"), max_seconds=60)

    assert raised.value.key == "no_sound"
    assert not (tmp_path / "out.mp3").exists()


def test_a_file_that_is_not_audio_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "letter.mp3"
    source.write_text("Dear grandma, " * 100)

    with pytest.raises(AudioError) as raised:
        prepare(source, tmp_path / "out.mp3", Tags(title="x"), max_seconds=60)

    assert raised.value.key == "not_audio"


def test_a_recording_longer_than_allowed_is_refused(tmp_path: Path) -> None:
    source = story(tmp_path / "long.ogg", FORMAT_BY_NAME["ogg"], seconds=5, silence=0)

    with pytest.raises(AudioError) as raised:
        prepare(source, tmp_path / "out.mp3", Tags(title="x"), max_seconds=3)

    assert raised.value.key == "too_long"
