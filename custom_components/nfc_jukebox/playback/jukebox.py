"""What placing and lifting chips does on one reader: the jukebox itself.

A placement reads top-down: the chip, then what it means on this reader now (its
mapping and the house rules), then its music on a speaker (the session), the
queue of a chip with several tracks, and the progress kept of it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from homeassistant.components.media_player import MediaPlayerState
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.dispatcher import async_dispatcher_connect

from ..chips.discovery import async_offer_new_chip
from ..chips.model import Chip, ControlChip, TagMapping, speaker_for
from ..chips.registry import SIGNAL_CHIP_SAVED, find_chip
from ..const import (
    CONF_MEDIA_PLAYER,
    CONF_ON_REMOVE,
    DEFAULT_ON_REMOVE,
    DOMAIN,
    LOGGER,
    Block,
    OnRemove,
)
from ..folders import async_get_folder_listings
from ..listeners import Listeners
from ..rules import HouseRules
from ..sounds import Sound
from .controls import Controls
from .days import DailyPicks, async_get_daily_picks
from .fallback import Fallback
from .feedback import Feedback
from .listing import ChipListings
from .queue import ChipQueue
from .remote import Remote
from .resume import Progress, Resume, playing_progress, stopped_progress
from .session import Session
from .sleep_timer import SleepTimer
from .speaker import SpeakerActions, Speakers
from .volume import Volume

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

    from ..folders import FolderListings
    from ..pn532 import TagEvent, TagInfo
    from ..progress import ChipProgress


class Jukebox:
    """Plays, pauses and resumes music as chips come and go on one reader."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        """Prepare the jukebox of ``entry``; call async_load before use."""
        self.hass = hass
        self.entry = entry
        self.active_player: str | None = None
        #: the last placed tag that no chip of this reader knows: what "Add tag" offers
        self.last_unknown_uid: str | None = None
        #: the UID of the chip on the reader, as its events tell
        self._on_reader: str | None = None
        self._listeners: Listeners[[]] = Listeners()
        self.rules = HouseRules(hass, entry, self)
        self.speakers = Speakers(hass, entry)
        self.actions = SpeakerActions(hass, entry)
        self.fallback = Fallback(entry, self.speakers)
        self.volume = Volume(entry, self.speakers, self.rules)
        self.feedback = Feedback(hass, entry, self.speakers)
        self.resume = Resume(hass, entry)
        self.listings = ChipListings(hass, entry, async_get_folder_listings(hass))
        #: which track a calendar chip plays today; loaded by async_load
        self.days: DailyPicks
        self.queue = ChipQueue(
            hass,
            entry,
            speakers=self.speakers,
            actions=self.actions,
            resume=self.resume,
            listings=self.listings,
            notify=self._notify,
        )
        self.session = Session(
            entry,
            speakers=self.speakers,
            volume=self.volume,
            rules=self.rules,
            queue=self.queue,
            resume=self.resume,
        )
        self.sleep_timer = SleepTimer(
            hass,
            entry,
            speakers=self.speakers,
            actions=self.actions,
            volume=self.volume,
            queue=self.queue,
            pause_music=partial(self.async_pause_music, fade=True),
            notify=self._notify,
        )
        self.controls = Controls(
            speakers=self.speakers,
            volume=self.volume,
            queue=self.queue,
            sleep_timer=self.sleep_timer,
            target=self._control_target,
        )
        self.remote = Remote(self.controls, self.rules, self.actions)

    async def async_load(self) -> None:
        """Load the chips' progress (home-wide), and the house rules."""
        await self.resume.async_load()
        await self.listings.async_load(self.bookmarks)
        self.days = await async_get_daily_picks(self.hass)
        self.entry.async_on_unload(
            self.bookmarks.async_add_listener(self.queue.progress_reset)
        )
        await self.rules.async_load()
        self.listings.follow_saved()
        self.entry.async_on_unload(
            async_dispatcher_connect(self.hass, SIGNAL_CHIP_SAVED, self._chip_saved)
        )

    async def async_shutdown(self) -> None:
        """Cancel the sleep timer and save the bookmarks (the reader is unloading)."""
        self.sleep_timer.stop()
        self.queue.stop()
        await self.rules.async_shutdown()
        await self.bookmarks.async_save()
        await self.listings.podcasts.async_save()

    @callback
    def async_add_listener(self, listener: Callable[[], None]) -> CALLBACK_TYPE:
        """Call ``listener`` when the sleep timer or the progress changes."""
        return self._listeners.add(listener)

    @callback
    def _notify(self) -> None:
        self._listeners.notify()

    # What the entities and the card read ----------------------------------------

    @property
    def folders(self) -> FolderListings:
        """Return the home's folder listings (shared by every reader)."""
        return self.listings.folders

    @property
    def bookmarks(self) -> ChipProgress:
        """Return where the home's chips stopped (loaded by async_load)."""
        return self.resume.bookmarks

    @property
    def sleep_until(self) -> datetime | None:
        """Return when the sleep timer runs out, if one runs and it is known."""
        return self.sleep_timer.until

    @property
    def progress(self) -> Progress | None:
        """Return how far the folder chip this reader played last got, if one did.

        While it plays: the track that plays; lifted: where it stopped. Nothing
        once another chip plays, or the folder was heard to its end or reset.
        """
        if (last := self.queue.last) is None:
            return None
        uid, listing = last
        folder = self.queue.current
        if folder is not None and folder.uid == uid:
            return playing_progress(folder, self.speakers.get(folder.player))
        return stopped_progress(uid, listing, self.bookmarks.get(uid))

    # Reader events --------------------------------------------------------------

    @callback
    def async_handle(self, event: TagEvent) -> None:
        """Act on a tag event (reader listener): the music starts on the UID alone."""
        self._on_reader = None if event.kind == "removed" else event.tag.uid
        if event.kind == "placed":
            return  # acted on when it arrived; "placed" only adds its NDEF
        chip = find_chip(self.hass, event.tag.uid, prefer=self.entry)
        if chip is None:
            if event.kind == "arrived":
                self._unknown_tag(event.tag)
            return
        handler = self._placed if event.kind == "arrived" else self._removed
        self.actions.schedule(partial(handler, chip), event.kind)

    async def async_play(self, mapping: TagMapping) -> Block | None:
        """Do what placing a music chip does, house rules included (the card's "Play now").

        Return why the rules let it start nothing, or None when it was started.
        """
        return await self.actions.run(partial(self._placed, mapping))

    async def _placed(self, chip: TagMapping | ControlChip) -> Block | None:
        if isinstance(chip, TagMapping):
            chip = self.fallback.place(chip)
        player = (
            speaker_for(chip, self.entry)
            if isinstance(chip, TagMapping)
            else self.active_player
        )
        if (block := self.rules.may_start(chip)) is not None:
            LOGGER.debug(
                "%s: %s starts nothing (%s)", self.entry.title, chip.name, block
            )
            await self.feedback.announce(block, player)
            return block
        if isinstance(chip, ControlChip):
            await self.controls.run(chip)
        elif not await self._play(chip):
            return None
        await self.feedback.recognised(chip, player or self.active_player)
        return None

    async def _removed(self, chip: TagMapping | ControlChip) -> None:
        if isinstance(chip, ControlChip):
            return  # lifting a control chip does nothing
        chip = self.fallback.as_playing(chip)
        action = chip.on_remove or OnRemove(
            self.entry.options.get(CONF_ON_REMOVE, DEFAULT_ON_REMOVE)
        )
        if action is not OnRemove.NOTHING:
            await self.session.lift(chip, action)

    @callback
    def _unknown_tag(self, tag: TagInfo) -> None:
        """Offer a new chip its music, in Settings → Devices & services → Discovered.

        One offer per chip, so placing it again does not notify again. Phones
        present a new random UID every time: they cannot be given music.
        """
        player = self.active_player or self.entry.options.get(CONF_MEDIA_PLAYER)
        self.entry.async_create_background_task(
            self.hass,
            self.feedback.announce(Sound.UNKNOWN, player),
            f"{DOMAIN} feedback",
        )
        if not tag.target.has_stable_uid:
            return
        self.last_unknown_uid = tag.uid
        async_offer_new_chip(self.hass, self.entry, tag.uid)

    async def _play(self, mapping: TagMapping) -> bool:
        """Play a music chip: its queue chooses the track, its session starts it.

        Return False if it plays nothing today (a calendar chip outside its days).
        """
        self.queue.stop()
        tracks, start, bookmark = await self.listings.async_start(
            mapping, self.resume.resumable(mapping)
        )
        today = None
        if tracks is not None and mapping.order.by_calendar:
            if (today := self.days.async_today(mapping, tracks)) is None:
                await self.feedback.answer(
                    Sound.NOT_YET, speaker_for(mapping, self.entry)
                )
                return False
            if bookmark is not None and start != tracks.index(today):
                bookmark = None  # another day's track: today's starts from its start
        # Chosen before the speaker is asked: tag_placed says which track plays.
        folder = self.queue.plan(mapping, tracks, start, today)
        try:
            player = speaker_for(mapping, self.entry)
            await self.feedback.say_name(mapping, player)
            state = self.speakers.state(player)
            self.active_player = player
            await self.session.start(
                mapping, player, state, folder=folder, bookmark=bookmark
            )
        except BaseException:
            # Nothing plays: the progress shown is where the chip stopped, not the plan.
            self.queue.stop()
            raise
        finally:
            # Told once the speaker was asked: the entities' update is not on the way
            # from a chip to its music.
            self._notify()
        return True

    def _control_target(self) -> str:
        """Return the speaker a control chip acts on: the one that played last."""
        player = self.active_player or self.entry.options.get(CONF_MEDIA_PLAYER)
        if not player:
            raise HomeAssistantError(
                translation_domain=DOMAIN, translation_key="no_player_for_control"
            )
        return str(player)

    # House rules ----------------------------------------------------------------

    @callback
    def async_keep_volume_in_range(self) -> None:
        """Bring the active speaker into the volume range (the range changed)."""
        if (player := self.active_player) is None:
            return

        async def keep() -> None:
            # Not a chip's doing: a speaker that is away now is no failure.
            if self.speakers.reachable(player):
                await self.volume.cap(self.speakers.state(player), None)

        self.actions.schedule(keep, "volume range")

    @callback
    def async_pause_music(self, *, fade: bool) -> None:
        """Pause the active speaker, fading it out first if asked (house rules)."""
        if (player := self.active_player) is None:
            return
        self.actions.schedule(
            partial(self.volume.pause, player, fade=fade), "house rules"
        )

    # Saved chips ----------------------------------------------------------------

    @callback
    def _chip_saved(self, chip: Chip) -> None:
        """Play a music chip saved while it lies on the reader, as placing it does.

        Whichever form saved it: the card, a chip flow or the "new chip" fix.
        """
        if not isinstance(chip, TagMapping) or chip.uid != self._on_reader:
            return
        state = self.speakers.get(
            speaker_for(self.fallback.as_playing(chip), self.entry)
        )
        if (
            state is not None
            and state.state == MediaPlayerState.PLAYING
            and self.resume.belongs(chip, state)
        ):
            return  # its music plays: a new name or setting needs no start over
        self.actions.schedule(partial(self._placed, chip), "saved chip")
