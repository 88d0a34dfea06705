"""Checks for records read back from .storage: a later release or a hand edit wrote them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol

import probatio
from homeassistant.core import HomeAssistant
from homeassistant.util.hass_dict import HassKey


class Loadable(Protocol):
    """Something of the home's that loads from .storage once, for every reader."""

    async def async_load(self) -> None:
        """Load what is stored."""

    async def async_remove(self) -> None:
        """Forget it all and delete its file (a pending write included)."""


def _not_bool(value: object) -> object:
    """Refuse true and false where a number belongs (Python counts them as ints)."""
    if isinstance(value, bool):
        msg = "expected a number"
        raise probatio.Invalid(msg)
    return value


#: seconds, as float; a whole number is a number too (JSON writes 12.0 as 12)
SECONDS = probatio.All(
    _not_bool, probatio.Any(float, int), probatio.Range(min=0), float
)
#: a whole number from 0 up (minutes, a track's index)
COUNT = probatio.All(_not_bool, int, probatio.Range(min=0))


async def async_load_once[T: Loadable](
    hass: HomeAssistant, key: HassKey[asyncio.Future[T]], make: Callable[[], T]
) -> T:
    """Return the home's ``T``, loaded once however many readers ask at once."""
    if (loading := hass.data.get(key)) is None:
        loading = hass.data[key] = hass.loop.create_future()
        loaded = make()
        try:
            await loaded.async_load()
        except BaseException as err:
            del hass.data[key]
            loading.set_exception(err)
            loading.exception()  # retrieved: a reader that waited raises it itself
            raise
        loading.set_result(loaded)
    return await asyncio.shield(loading)


async def async_remove_loaded[T: Loadable](
    hass: HomeAssistant, key: HassKey[asyncio.Future[T]], make: Callable[[], T]
) -> None:
    """Delete the home's ``T`` and its file, loaded or not (the last reader went)."""
    loading = hass.data.pop(key, None)
    if loading is not None and loading.done() and not loading.exception():
        await loading.result().async_remove()
    else:
        await make().async_remove()
