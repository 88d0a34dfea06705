"""A new chip, offered in Settings → Devices & services → Discovered.

A chip placed that plays nothing yet is good news: it is offered where Home
Assistant offers what it found, as a discovered flow of the config flow (its steps
are in discovery_flow.py). A chip is new to the whole home: one offer per chip,
however often and wherever it is placed; giving it a meaning anywhere withdraws it.
"""

from __future__ import annotations

from typing import Final

from homeassistant.config_entries import (
    SOURCE_INTEGRATION_DISCOVERY,
    ConfigEntry,
    ConfigFlowContext,
    ConfigFlowResult,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import discovery_flow

from ..const import CONF_UID, DOMAIN

#: A reader offers at most this many new chips at once; a newer one replaces the
#: oldest offer, so a box of chips without music (or a script) cannot flood Settings.
MAX_NEW_CHIP_OFFERS: Final = 10


def new_chip_unique_id(uid: str) -> str:
    """Return the unique id of the offer of ``uid`` (and of its ignored entry)."""
    return f"chip:{uid}"


def _offers(hass: HomeAssistant, context: ConfigFlowContext) -> list[ConfigFlowResult]:
    """Return the open offers of new chips that match ``context``, oldest first."""
    offers = hass.config_entries.flow.async_progress_by_handler(
        DOMAIN,
        match_context={"source": SOURCE_INTEGRATION_DISCOVERY, **context},
    )
    # Flow ids are ULIDs: sorted, they are in the order the flows began.
    return sorted(offers, key=lambda offer: offer["flow_id"])


@callback
def async_offer_new_chip(hass: HomeAssistant, entry: ConfigEntry, uid: str) -> None:
    """Offer to give ``uid``, placed on the reader ``entry``, its music.

    Nothing new for a chip offered already, or ignored; the oldest offers of the
    reader go once it offers MAX_NEW_CHIP_OFFERS chips.
    """
    if (
        ignored_new_chip(hass, uid)
        or _offers(hass, {"unique_id": new_chip_unique_id(uid)})
        or hass.config_entries.flow.async_has_matching_discovery_flow(
            DOMAIN, {"source": SOURCE_INTEGRATION_DISCOVERY}, {CONF_UID: uid}
        )
    ):
        return
    mine = _offers(hass, {"entry_id": entry.entry_id})
    for offer in mine[: max(len(mine) - MAX_NEW_CHIP_OFFERS + 1, 0)]:
        hass.config_entries.flow.async_abort(offer["flow_id"])
    discovery_flow.async_create_flow(
        hass,
        DOMAIN,
        context={"source": SOURCE_INTEGRATION_DISCOVERY, "entry_id": entry.entry_id},
        data={CONF_UID: uid},
    )


@callback
def async_withdraw_new_chip_offer(hass: HomeAssistant, uid: str) -> None:
    """Withdraw the offer of ``uid``: it has its meaning, on whichever reader."""
    for offer in _offers(hass, {"unique_id": new_chip_unique_id(uid)}):
        hass.config_entries.flow.async_abort(offer["flow_id"])


@callback
def async_withdraw_reader_offers(hass: HomeAssistant, entry_id: str) -> None:
    """Withdraw the offers of the chips placed on a removed reader."""
    for offer in _offers(hass, {"entry_id": entry_id}):
        hass.config_entries.flow.async_abort(offer["flow_id"])


def ignored_new_chip(hass: HomeAssistant, uid: str) -> ConfigEntry | None:
    """Return the entry that says the parent ignored the offer of ``uid``, if any."""
    return hass.config_entries.async_entry_for_domain_unique_id(
        DOMAIN, new_chip_unique_id(uid)
    )
