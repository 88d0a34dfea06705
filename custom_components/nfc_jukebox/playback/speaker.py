"""The only code that calls media player services: the jukebox's speakers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homeassistant.components.media_player import DOMAIN as MEDIA_PLAYER_DOMAIN
from homeassistant.const import (
    ATTR_ENTITY_ID,
    ATTR_SUPPORTED_FEATURES,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import HomeAssistant, State
from homeassistant.exceptions import HomeAssistantError

from ..const import DOMAIN, LOGGER

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry


class Speaker:
    """Calls media player services for one reader, and reads the players' states."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        """Call services on ``hass`` for the reader of ``entry``."""
        self.hass = hass
        self.entry = entry

    def state(self, entity_id: str) -> State:
        """Return a player's state; one that is gone or unavailable is an error."""
        state = self.hass.states.get(entity_id)
        if state is None or state.state in (STATE_UNAVAILABLE, STATE_UNKNOWN):
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="player_unavailable",
                translation_placeholders={"player": self.name(entity_id)},
            )
        return state

    def reachable(self, entity_id: str) -> bool:
        """Return whether a player is there and available."""
        state = self.hass.states.get(entity_id)
        return state is not None and state.state not in (
            STATE_UNAVAILABLE,
            STATE_UNKNOWN,
        )

    def name(self, entity_id: str) -> str:
        """Return a player's name as the parent sees it, else its entity id."""
        state = self.hass.states.get(entity_id)
        return state.name if state else entity_id

    def features(self, entity_id: str) -> int:
        """Return what a player supports, nothing if it is gone."""
        state = self.hass.states.get(entity_id)
        return int(state.attributes.get(ATTR_SUPPORTED_FEATURES, 0)) if state else 0

    async def call(
        self, service: str, entity_id: str, data: dict[str, Any] | None = None
    ) -> None:
        """Call a media player service and wait for it."""
        LOGGER.debug("%s: %s %s %s", self.entry.title, service, entity_id, data or "")
        await self.hass.services.async_call(
            MEDIA_PLAYER_DOMAIN,
            service,
            {ATTR_ENTITY_ID: entity_id, **(data or {})},
            blocking=True,
        )

    async def start(
        self, service: str, entity_id: str, data: dict[str, Any] | None = None
    ) -> None:
        """Start a chip's music; a speaker that does not is reported as such."""
        try:
            await self.call(service, entity_id, data)
        except Exception as err:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="player_cannot_play",
                translation_placeholders={
                    "player": self.name(entity_id),
                    "error": str(err) or type(err).__name__,
                },
            ) from err

    async def try_call(
        self, service: str, entity_id: str, data: dict[str, Any] | None = None
    ) -> None:
        """Call a service the music does not depend on; a failure is only logged."""
        try:
            await self.call(service, entity_id, data)
        except Exception:  # noqa: BLE001 - whatever the player raises, the music plays
            LOGGER.debug(
                "%s: %s failed on %s; the music plays on",
                self.entry.title,
                service,
                entity_id,
                exc_info=True,
            )
