"""The speakers a reader drives: the only code that calls media player services.

Speakers only move media (play, pause, seek, volume); what plays when is the
queue's and the session's. One action runs at a time, and a failure is told once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.media_player import (
    ATTR_MEDIA_ANNOUNCE,
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    ATTR_MEDIA_ENQUEUE,
    ATTR_MEDIA_REPEAT,
    ATTR_MEDIA_SEEK_POSITION,
    ATTR_MEDIA_SHUFFLE,
    ATTR_MEDIA_VOLUME_LEVEL,
    SERVICE_PLAY_MEDIA,
    MediaPlayerEnqueue,
    MediaPlayerEntityFeature,
    MediaPlayerState,
    MediaType,
)
from homeassistant.components.media_player import DOMAIN as MEDIA_PLAYER_DOMAIN
from homeassistant.const import (
    ATTR_ENTITY_ID,
    ATTR_SUPPORTED_FEATURES,
    SERVICE_MEDIA_NEXT_TRACK,
    SERVICE_MEDIA_PAUSE,
    SERVICE_MEDIA_PLAY,
    SERVICE_MEDIA_PREVIOUS_TRACK,
    SERVICE_MEDIA_SEEK,
    SERVICE_MEDIA_STOP,
    SERVICE_REPEAT_SET,
    SERVICE_SHUFFLE_SET,
    SERVICE_TURN_ON,
    SERVICE_VOLUME_SET,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import (
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.event import async_track_state_change_event

from ..const import DOMAIN, LOGGER
from ..notices import (
    async_create_playback_failed_issue,
    async_delete_playback_failed_issue,
)

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

type Action = Callable[[], Awaitable[object]]

#: How long a speaker may show an announcement before the music goes on anyway.
ANNOUNCEMENT_TIMEOUT: Final = 10  # seconds


def _announcing(before: State | None, now: State | None) -> bool:
    """Return whether ``now`` shows an announcement rather than the speaker's media.

    Playing, when it did not play before or played something else.
    """
    if now is None or now.state != MediaPlayerState.PLAYING:
        return False
    return (
        before is None
        or before.state != MediaPlayerState.PLAYING
        or now.attributes.get(ATTR_MEDIA_CONTENT_ID)
        != before.attributes.get(ATTR_MEDIA_CONTENT_ID)
    )


class Speakers:
    """Moves media on the home's speakers and reads what they report."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        """Drive speakers for the reader ``entry`` (its title is in the log)."""
        self.hass = hass
        self.entry = entry

    # What a speaker reports -----------------------------------------------------

    def state(self, entity_id: str) -> State:
        """Return a speaker's state; one that is away is an error the parent reads."""
        state = self.hass.states.get(entity_id)
        if state is None or state.state in (STATE_UNAVAILABLE, STATE_UNKNOWN):
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="player_unavailable",
                translation_placeholders={"player": self.name(entity_id)},
            )
        return state

    def get(self, entity_id: str) -> State | None:
        """Return a speaker's state as it is, if Home Assistant knows the speaker."""
        return self.hass.states.get(entity_id)

    def reachable(self, entity_id: str) -> bool:
        """Return whether a speaker is there to be asked."""
        state = self.hass.states.get(entity_id)
        return state is not None and state.state not in (
            STATE_UNAVAILABLE,
            STATE_UNKNOWN,
        )

    def usable(self, entity_id: str) -> bool:
        """Return whether a speaker can play now: there, and on or able to turn on."""
        if not self.reachable(entity_id):
            return False
        return not self.hass.states.is_state(
            entity_id, MediaPlayerState.OFF
        ) or self.supports(entity_id, MediaPlayerEntityFeature.TURN_ON)

    def name(self, entity_id: str) -> str:
        """Return a player's name as the parent sees it, else its entity id."""
        state = self.hass.states.get(entity_id)
        return state.name if state else entity_id

    def features(self, entity_id: str) -> int:
        """Return what a speaker says it can do (MediaPlayerEntityFeature flags)."""
        state = self.hass.states.get(entity_id)
        return int(state.attributes.get(ATTR_SUPPORTED_FEATURES, 0)) if state else 0

    def supports(self, entity_id: str, feature: MediaPlayerEntityFeature) -> bool:
        """Return whether a speaker says it can do ``feature``."""
        return bool(self.features(entity_id) & feature)

    def has_queue(self, entity_id: str) -> bool:
        """Return whether a speaker keeps a queue and moves on in it by itself."""
        return self.supports(entity_id, MediaPlayerEntityFeature.MEDIA_ENQUEUE)

    # Starting a chip's music: a speaker that does not is reported as such ------

    async def start_media(
        self, entity_id: str, media_content_id: str, media_content_type: str
    ) -> None:
        """Play a chip's music (or one of its tracks) on a speaker."""
        data = {
            ATTR_MEDIA_CONTENT_ID: media_content_id,
            ATTR_MEDIA_CONTENT_TYPE: media_content_type,
        }
        try:
            await self._call(SERVICE_PLAY_MEDIA, entity_id, data)
        except Exception as err:
            raise self._cannot_play(entity_id, err) from err

    async def resume(self, entity_id: str) -> None:
        """Play on the chip's music that a speaker still holds."""
        try:
            await self._call(SERVICE_MEDIA_PLAY, entity_id)
        except Exception as err:
            raise self._cannot_play(entity_id, err) from err

    def _cannot_play(self, entity_id: str, err: Exception) -> HomeAssistantError:
        return HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="player_cannot_play",
            translation_placeholders={
                "player": self.name(entity_id),
                "error": str(err) or type(err).__name__,
            },
        )

    # Moving media ---------------------------------------------------------------

    async def enqueue(
        self, entity_id: str, media_content_id: str, media_content_type: str
    ) -> None:
        """Add a track to the end of a speaker's queue."""
        await self._call(
            SERVICE_PLAY_MEDIA,
            entity_id,
            {
                ATTR_MEDIA_CONTENT_ID: media_content_id,
                ATTR_MEDIA_CONTENT_TYPE: media_content_type,
                ATTR_MEDIA_ENQUEUE: MediaPlayerEnqueue.ADD,
            },
        )

    async def turn_on(self, entity_id: str) -> None:
        """Turn a speaker on."""
        await self._call(SERVICE_TURN_ON, entity_id)

    async def play(self, entity_id: str) -> None:
        """Let a paused speaker play on."""
        await self._call(SERVICE_MEDIA_PLAY, entity_id)

    async def pause(self, entity_id: str) -> None:
        """Pause a speaker."""
        await self._call(SERVICE_MEDIA_PAUSE, entity_id)

    async def stop(self, entity_id: str) -> None:
        """Stop a speaker."""
        await self._call(SERVICE_MEDIA_STOP, entity_id)

    async def seek(self, entity_id: str, position: float) -> None:
        """Move a speaker to ``position`` seconds into its track."""
        await self._call(
            SERVICE_MEDIA_SEEK, entity_id, {ATTR_MEDIA_SEEK_POSITION: position}
        )

    async def skip(self, entity_id: str, *, forward: bool) -> None:
        """Move a speaker to its next or previous track."""
        await self._call(
            SERVICE_MEDIA_NEXT_TRACK if forward else SERVICE_MEDIA_PREVIOUS_TRACK,
            entity_id,
        )

    async def set_volume(self, entity_id: str, level: float) -> None:
        """Set a speaker's volume (0 to 1)."""
        await self._call(
            SERVICE_VOLUME_SET, entity_id, {ATTR_MEDIA_VOLUME_LEVEL: level}
        )

    # Best effort: the music does not depend on these ----------------------------

    async def try_shuffle(self, entity_id: str) -> None:
        """Ask a speaker to shuffle; a failure is only logged."""
        await self._try(SERVICE_SHUFFLE_SET, entity_id, {ATTR_MEDIA_SHUFFLE: True})

    async def try_repeat(self, entity_id: str, repeat: str) -> None:
        """Ask a speaker to repeat as ``repeat`` says; a failure is only logged."""
        await self._try(SERVICE_REPEAT_SET, entity_id, {ATTR_MEDIA_REPEAT: repeat})

    async def try_seek(self, entity_id: str, position: float) -> None:
        """Ask a speaker to seek; a failure is only logged."""
        await self._try(
            SERVICE_MEDIA_SEEK, entity_id, {ATTR_MEDIA_SEEK_POSITION: position}
        )

    async def try_announce(self, entity_id: str, url: str) -> None:
        """Play ``url`` over a speaker's music; a failure is only logged."""
        await self._try(
            SERVICE_PLAY_MEDIA,
            entity_id,
            {
                ATTR_MEDIA_CONTENT_ID: url,
                ATTR_MEDIA_CONTENT_TYPE: MediaType.MUSIC,
                ATTR_MEDIA_ANNOUNCE: True,
            },
        )

    async def announce(self, entity_id: str, media_content_id: str) -> None:
        """Play an announcement; return once the speaker is back to its own media.

        A speaker that returns only when the announcement ended, or plays it in a
        channel of its own over the music, is back at once; one that shows the
        announcement as what it plays is waited for until it shows its own media
        again (or ANNOUNCEMENT_TIMEOUT passed: a speaker that never says so).
        """
        before = self.hass.states.get(entity_id)
        back = asyncio.Event()

        @callback
        def changed(event: Event[EventStateChangedData]) -> None:
            if not _announcing(before, event.data["new_state"]):
                back.set()

        unsubscribe = async_track_state_change_event(self.hass, entity_id, changed)
        try:
            await self.try_announce(entity_id, media_content_id)
            back.clear()  # what it showed while asked is not the end
            if _announcing(before, self.hass.states.get(entity_id)):
                async with asyncio.timeout(ANNOUNCEMENT_TIMEOUT):
                    await back.wait()
        except TimeoutError:
            LOGGER.debug("%s: %s never said it was back", self.entry.title, entity_id)
        finally:
            unsubscribe()

    async def _try(self, service: str, entity_id: str, data: dict[str, Any]) -> None:
        try:
            await self._call(service, entity_id, data)
        except Exception:  # noqa: BLE001 - whatever the player raises, the music plays
            LOGGER.debug(
                "%s: %s failed on %s; the music plays on",
                self.entry.title,
                service,
                entity_id,
                exc_info=True,
            )

    async def _call(
        self, service: str, entity_id: str, data: dict[str, Any] | None = None
    ) -> None:
        LOGGER.debug("%s: %s %s %s", self.entry.title, service, entity_id, data or "")
        await self.hass.services.async_call(
            MEDIA_PLAYER_DOMAIN,
            service,
            {ATTR_ENTITY_ID: entity_id, **(data or {})},
            blocking=True,
        )


class SpeakerActions:
    """Runs a reader's speaker actions one at a time, in order, and reports failure.

    A swap is "lift" then "place": they must not overtake each other. A failure
    is told once, in the log and in Repairs; the next action that works clears it.
    """

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        """Run the actions of the reader ``entry``."""
        self.hass = hass
        self.entry = entry
        self.lock = asyncio.Lock()
        self._failing = False

    async def run[T](self, action: Callable[[], Awaitable[T]]) -> T | None:
        """Run ``action`` after those before it; report how it went.

        Return what ``action`` returned, or None when it failed.
        """
        async with self.lock:
            try:
                result = await action()
            except HomeAssistantError as err:
                self._failed(err)
            except Exception as err:  # noqa: BLE001 - a player's bug must not stop the box
                LOGGER.debug("Player failed", exc_info=True)
                self._failed(HomeAssistantError(repr(err)))
            else:
                self._succeeded()
                return result
            return None

    @callback
    def schedule(self, action: Action, name: str) -> None:
        """Run ``action`` in the background, in turn (unloading the reader ends it)."""
        self.entry.async_create_background_task(
            self.hass, self.run(action), f"{DOMAIN} {name}"
        )

    @callback
    def _failed(self, err: HomeAssistantError) -> None:
        """Tell the parent once, in the log and in Repairs; the next chip works."""
        if not self._failing:
            LOGGER.warning("NFC Jukebox %s could not play: %s", self.entry.title, err)
        self._failing = True
        async_create_playback_failed_issue(self.hass, self.entry, str(err))

    @callback
    def _succeeded(self) -> None:
        if self._failing:
            LOGGER.info("NFC Jukebox %s plays again", self.entry.title)
            self._failing = False
            async_delete_playback_failed_issue(self.hass, self.entry.entry_id)
