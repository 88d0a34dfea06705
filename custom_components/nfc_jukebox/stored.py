"""Checks for records read back from .storage: a later release or a hand edit wrote them."""

from __future__ import annotations

import voluptuous as vol


def _not_bool(value: object) -> object:
    """Refuse true and false where a number belongs (Python counts them as ints)."""
    if isinstance(value, bool):
        msg = "expected a number"
        raise vol.Invalid(msg)
    return value


#: seconds, as float; a whole number is a number too (JSON writes 12.0 as 12)
SECONDS = vol.All(_not_bool, vol.Any(float, int), vol.Range(min=0), float)
#: a whole number from 0 up (minutes, a track's index)
COUNT = vol.All(_not_bool, int, vol.Range(min=0))
