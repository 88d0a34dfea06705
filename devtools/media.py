"""Write short WAV files: music for Home Assistant's local media source.

``scripts/develop`` puts a few tunes into ``config/media`` on its start, so the example
chips and the media browser have music to play; the browser tests use them too. Standard library only: ``python -m devtools.media DIRECTORY``.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path

RATE = 8000  # samples per second, 8-bit mono: a 3-second tune is 24 kB
_HEADER_SIZE = 36
_SILENCE = 0x80  # the middle of an unsigned 8-bit sample

# Note frequencies in Hz; a tune is a few notes of half a second each.
_C4, _D4, _E4, _F4, _G4, _A4 = 261.63, 293.66, 329.63, 349.23, 392.00, 440.00
TUNES: dict[str, tuple[float, ...]] = {
    "Lullaby.wav": (_E4, _G4, _E4, _G4, _C4, _D4),
    "Morning song.wav": (_C4, _E4, _G4, _A4, _G4, _E4),
    "Rain.wav": (_A4, _F4, _D4, _F4, _A4, _F4),
}


def wav(samples: bytes) -> bytes:
    """Return ``samples`` (unsigned 8-bit, mono, ``RATE`` Hz) as a WAV file."""
    return (
        b"RIFF"
        + (_HEADER_SIZE + len(samples)).to_bytes(4, "little")
        + b"WAVEfmt "
        + (16).to_bytes(4, "little")
        + (1).to_bytes(2, "little")  # PCM
        + (1).to_bytes(2, "little")  # mono
        + RATE.to_bytes(4, "little")
        + RATE.to_bytes(4, "little")  # bytes per second
        + (1).to_bytes(2, "little")  # block align
        + (8).to_bytes(2, "little")  # bits per sample
        + b"data"
        + len(samples).to_bytes(4, "little")
        + samples
    )


def write_tune(path: Path, notes: Sequence[float], note_seconds: float = 0.5) -> None:
    """Write ``notes`` as soft sine tones that fade out, one after the other."""
    length = int(RATE * note_seconds)
    samples = bytearray()
    for frequency in notes:
        for index in range(length):
            fade = 1 - index / length
            value = 40 * fade * math.sin(2 * math.pi * frequency * index / RATE)
            samples.append(_SILENCE + round(value))
    path.write_bytes(wav(bytes(samples)))


def write_example_music(directory: Path) -> list[Path]:
    """Write the tunes that ``directory`` lacks; return the paths of all of them."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, notes in TUNES.items():
        path = directory / name
        if not path.exists():
            write_tune(path, notes)
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    """Write the example music into a directory (files that exist are kept)."""
    parser = argparse.ArgumentParser(prog="python -m devtools.media")
    parser.add_argument("directory", type=Path)
    args = parser.parse_args(argv)
    write_example_music(args.directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
