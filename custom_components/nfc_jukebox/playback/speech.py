"""What a reader says with the home's voice: messages a child understands, chip names."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import language as language_util

from ..const import CONF_TTS_ENTITY, DOMAIN, LOGGER, Block
from ..sounds import Sound

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

#: What a placed chip tells the child: a sound, or why the house rules start nothing.
type Cue = Sound | Block

#: What the box says instead of a sound: one entry per sound or house rule a child
#: should understand; a cue without one stays a sound. The texts are exceptions in
#: strings.json: hassfest allows no category of their own, and exceptions are the
#: texts Home Assistant keeps in the home's language.
MESSAGES: Final[dict[Cue, str]] = {
    Sound.UNKNOWN: "spoken_unknown_chip",
    Sound.NOT_YET: "spoken_not_yet",
    Block.OFF: "spoken_jukebox_off",
    Block.QUIET_HOURS: "spoken_quiet_hours",
    Block.LIMIT: "spoken_limit",
}
ENGLISH: Final = "en"


def sound_of(cue: Cue) -> Sound:
    """Return the sound of ``cue``: one sound for every house rule that says no."""
    return Sound.BLOCKED if isinstance(cue, Block) else cue


class Voice:
    """The home's text-to-speech entity a reader's options name, if any."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        """Speak for the reader ``entry`` with the voice its options pick."""
        self.hass = hass
        self.entry = entry

    @property
    def entity_id(self) -> str | None:
        """Return the voice's entity id, when the reader has one that is there."""
        entity_id: str | None = self.entry.options.get(CONF_TTS_ENTITY)
        if entity_id is None or "tts" not in self.hass.config.components:
            return None
        return entity_id if _engine(self.hass, entity_id) is not None else None

    async def message(self, cue: Cue) -> str | None:
        """Return what the voice says for ``cue`` (a media-source id), else None."""
        if self.entity_id is None or (key := MESSAGES.get(cue)) is None:
            return None
        text, language = await self._text(key)
        return self.say(text, language)

    def say(self, text: str, language: str | None = None) -> str | None:
        """Return ``text`` spoken (a media-source id), else None: it cannot be said.

        In ``language`` (the home's when none), or the voice's nearest to it.
        """
        if (entity_id := self.entity_id) is None:
            return None
        from homeassistant.components.tts import (  # noqa: PLC0415 - see _engine
            generate_media_source_id,
        )

        engine = _engine(self.hass, entity_id)
        spoken = language or self.hass.config.language
        nearest = language_util.matches(
            spoken,
            list(getattr(engine, "supported_languages", None) or ()),
            self.hass.config.country,
        )
        if not nearest:
            LOGGER.debug("%s: %s speaks no %s", self.entry.title, entity_id, spoken)
            return None
        try:
            return generate_media_source_id(
                self.hass, text, engine=entity_id, language=nearest[0]
            )
        except HomeAssistantError:
            LOGGER.debug("%s: %s cannot say it", self.entry.title, entity_id)
            return None

    async def _text(self, key: str) -> tuple[str, str]:
        """Return the message ``key`` in the home's language, and the language.

        English where the integration has no translation for the home's language.
        """
        path = f"component.{DOMAIN}.exceptions.{key}.message"
        english = (
            await async_get_translations(self.hass, ENGLISH, "exceptions", [DOMAIN])
        )[path]
        home = self.hass.config.language
        for language in dict.fromkeys((home, home.partition("-")[0])):
            texts = await async_get_translations(
                self.hass, language, "exceptions", [DOMAIN]
            )
            if language == ENGLISH or texts.get(path, english) != english:
                # Said in the home's own variant: de-CH hears de, with a Swiss voice.
                return texts.get(path, english), home
        return english, ENGLISH


def _engine(hass: HomeAssistant, entity_id: str) -> object | None:
    """Return the text-to-speech entity ``entity_id``, if Home Assistant has it.

    Imported only once tts is loaded: a home without it never imports its
    requirements for a reader that only sounds.
    """
    from homeassistant.components.tts.helper import (  # noqa: PLC0415
        get_engine_instance,
    )

    return get_engine_instance(hass, entity_id)
