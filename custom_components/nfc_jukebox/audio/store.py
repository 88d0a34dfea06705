"""Where recordings live: My media → NFC Jukebox → <name>.mp3, or a folder <name>/.

Blocking (file system): run it in an executor. A recording appears whole or not at
all: it is written in a hidden staging folder beside and renamed into place, and a
name already taken is refused, never overwritten.
"""

from __future__ import annotations

import shutil
import threading
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .pipeline import AudioError

#: the folder in My media, and the URI scheme of Home Assistant's local media
FOLDER: Final = "NFC Jukebox"
LOCAL_MEDIA: Final = "media-source://media_source"
MAX_NAME_LENGTH: Final = 100
STAGING_PREFIX: Final = ".staging-"
#: a name decides a file name: nothing that leaves the folder, hides or is not text
_FORBIDDEN: Final = frozenset('/\\:*?"<>|')

_COMMIT_LOCK = threading.Lock()


def checked_name(name: str) -> str:
    """Return a recording's name as it is stored; raise AudioError if it cannot be."""
    name = unicodedata.normalize("NFC", name.strip())
    if not name:
        raise AudioError("name_required")
    if len(name) > MAX_NAME_LENGTH:
        raise AudioError("name_too_long")
    if (
        name.startswith(".")
        or name.endswith(".")
        or any(char in _FORBIDDEN or not char.isprintable() for char in name)
    ):
        raise AudioError("bad_name")
    return name


@dataclass(frozen=True, kw_only=True, slots=True)
class Place:
    """A recording's place in a local media folder (``source`` names it in URIs)."""

    base: Path
    source: str
    name: str
    parts: int

    @property
    def folder(self) -> Path:
        """Return the NFC Jukebox folder."""
        return self.base / FOLDER

    @property
    def path(self) -> Path:
        """Return the recording's file, or its folder if it has several parts."""
        return self.folder / (self.name if self.parts > 1 else f"{self.name}.mp3")

    @property
    def media_content_id(self) -> str:
        """Return the recording's media-source URI."""
        return (
            f"{LOCAL_MEDIA}/{self.source}/{self.path.relative_to(self.base).as_posix()}"
        )

    @property
    def media_content_type(self) -> str:
        """Return the recording's media type, as the media browser names it."""
        return "directory" if self.parts > 1 else "audio/mpeg"

    def part_name(self, number: int) -> str:
        """Return the file name of part ``number`` (from 1): in order by name."""
        return (
            f"{self.name}.mp3" if self.parts == 1 else f"{number:02d} {self.name}.mp3"
        )

    def taken(self) -> bool:
        """Return whether a recording (file or folder) of this name exists."""
        return (self.folder / self.name).exists() or (
            self.folder / f"{self.name}.mp3"
        ).exists()

    def staging(self) -> Path:
        """Make and return a hidden folder beside to write the recording in."""
        staging = self.folder / f"{STAGING_PREFIX}{uuid.uuid4().hex}"
        staging.mkdir(parents=True)
        return staging

    def commit(self, staging: Path, *, replace: bool = False) -> None:
        """Move the recording written in ``staging`` into place.

        A recording of the same name is replaced only if asked (``replace``); else
        AudioError("name_taken").
        """
        old = staging / ".replaced"
        with _COMMIT_LOCK:
            if self.taken():
                if not replace:
                    raise AudioError("name_taken")
                old.mkdir()
                for existing in (
                    self.folder / self.name,
                    self.folder / f"{self.name}.mp3",
                ):
                    if existing.exists():
                        existing.rename(old / existing.name)
            if self.parts > 1:
                staging.rename(self.path)
                shutil.rmtree(self.path / old.name, ignore_errors=True)
                return
            (staging / self.part_name(1)).rename(self.path)
        shutil.rmtree(staging)


def media_base(media_dirs: Mapping[str, str]) -> tuple[str, Path] | None:
    """Return the media folder recordings go to (My media) and its URI name, if any."""
    source = "local" if "local" in media_dirs else next(iter(media_dirs), "")
    return (source, Path(media_dirs[source])) if source else None


def remove_staging(base: Path) -> None:
    """Remove what an interrupted recording left in the staging folders."""
    folder = base / FOLDER
    if folder.is_dir():
        for staging in folder.glob(f"{STAGING_PREFIX}*"):
            shutil.rmtree(staging, ignore_errors=True)


def recording_path(base: Path, source: str, media_content_id: str) -> Path | None:
    """Return the file or folder of a recording's URI, if it names one in the folder."""
    prefix = f"{LOCAL_MEDIA}/{source}/{FOLDER}/"
    if not media_content_id.startswith(prefix):
        return None
    name = media_content_id.removeprefix(prefix)
    try:
        checked = checked_name(name.removesuffix(".mp3"))
    except AudioError:
        return None
    path = base / FOLDER / (f"{checked}.mp3" if name.endswith(".mp3") else checked)
    return path if path.exists() else None


def delete(path: Path) -> None:
    """Delete a recording: its file, or its folder of parts."""
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()
