"""Checks for records read back from .storage: a later release or a hand edit wrote them."""

from __future__ import annotations

import probatio


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
