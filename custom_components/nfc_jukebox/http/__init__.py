"""The integration's HTTP endpoints, one module per resource, each with its registration."""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus

from aiohttp import web
from homeassistant.components.http import HomeAssistantView

from ..const import DOMAIN


def translated_error(
    status: HTTPStatus,
    key: str,
    messages: Mapping[str, str],
    placeholders: dict[str, str] | None = None,
) -> web.Response:
    """Return an error the card translates (exceptions.<key>), English in ``message``."""
    placeholders = placeholders or {}
    return HomeAssistantView.json(
        {
            "message": messages[key].format(**placeholders),
            "translation_domain": DOMAIN,
            "translation_key": key,
            "translation_placeholders": placeholders,
        },
        status_code=status,
    )
