"""Write Home Assistant's private ``.storage`` files before a development instance starts.

Two files, each what Home Assistant itself would leave after a user's action, so a
development or test instance starts the way it should without clicking through dialogs:

- ``.storage/http``: the HTTP settings confirmed (``confirm_http``);
- ``.storage/core.config_entries``: the integrations that reach the internet disabled
  (``keep_offline``).

These are Home Assistant's internal schemas, not an API: each writer names the source
it mirrors (Home Assistant 2026.11), and writes nothing over a file that exists, so an
instance that already ran is left alone. Standard library only, so any Python 3.14
runs it: ``python -m devtools.hass_storage --help``.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

type Json = dict[str, Any]

# Integrations that reach the internet as soon as they are set up: the Marketplace (a
# default integration since 2026.11) fetches its catalog at every start, and onboarding
# adds Radio Browser, which asks its servers for statistics. A development or test
# instance keeps them disabled, as a user would from Settings → Devices & services.
OFFLINE_ENTRIES = (
    ("marketplace", "system", ""),
    ("radio_browser", "onboarding", "Radio Browser"),
)


def _write_store(
    config_dir: Path, key: str, version: int, minor_version: int, data: Json
) -> None:
    """Write ``.storage/KEY`` as ``homeassistant.helpers.storage.Store`` saves it."""
    store = config_dir / ".storage" / key
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_text(
        json.dumps(
            {
                "version": version,
                "minor_version": minor_version,
                "key": key,
                "data": data,
            },
            indent=2,
        )
    )


def confirm_http(config: Path, port: int) -> None:
    """Before the first start: serve on 127.0.0.1:``port``, settings already confirmed.

    Home Assistant 2026.11 turns a YAML ``http:`` section into a trial that reverts to
    port 8123 on every interface unless confirmed in the frontend within 5 minutes.
    This writes the store that confirming leaves: ``homeassistant/components/http/
    config.py`` (``STORAGE_KEY`` "http", ``STORAGE_VERSION`` 3, minor 1; the
    ``stable`` settings, no ``pending`` trial, ``yaml_migration_done``).
    """
    if (config / ".storage" / "http").exists():
        return
    settings = {
        "server_host": ["127.0.0.1"],
        "server_port": port,
        "cors_allowed_origins": ["https://cast.home-assistant.io"],
        "login_attempts_threshold": -1,
        "ip_ban_enabled": True,
        "ssl_profile": "intermediate_v6",
        "use_x_frame_options": True,
        "created_at": datetime.now(UTC).isoformat(),
        "error": None,
        "error_message": None,
    }
    _write_store(
        config,
        "http",
        3,
        1,
        {"stable": settings, "pending": None, "yaml_migration_done": True},
    )


def keep_offline(config_dir: Path) -> None:
    """Before the first start: disable the integrations that reach the internet.

    Writes the config-entry store with those entries disabled by the user, the state
    Settings → Devices & services → Disable leaves: ``homeassistant/config_entries.py``
    (``STORAGE_KEY`` "core.config_entries", ``STORAGE_VERSION`` 1, minor 5; each entry
    as ``ConfigEntry.as_storage_fragment`` writes it).
    """
    if (config_dir / ".storage" / "core.config_entries").exists():
        return
    now = datetime.now(UTC).isoformat()
    entries: list[Json] = [
        {
            "created_at": now,
            "data": {},
            "disabled_by": "user",
            "discovery_keys": {},
            "domain": domain,
            "entry_id": uuid.uuid4().hex,
            "minor_version": 1,
            "modified_at": now,
            "options": {},
            "pref_disable_new_entities": False,
            "pref_disable_polling": False,
            "source": source,
            "subentries": [],
            "title": title,
            "unique_id": None,
            "version": 1,
        }
        for domain, source, title in OFFLINE_ENTRIES
    ]
    _write_store(config_dir, "core.config_entries", 1, 5, {"entries": entries})


def main(argv: Sequence[str] | None = None) -> int:
    """Prepare a configuration directory before Home Assistant's first start there."""
    parser = argparse.ArgumentParser(prog="python -m devtools.hass_storage")
    commands = parser.add_subparsers(dest="command", required=True)
    offline = commands.add_parser(
        "keep-offline", help="before the first start: disable what reaches the internet"
    )
    offline.add_argument("config_dir", type=Path)
    http = commands.add_parser(
        "confirm-http", help="before the first start: serve on 127.0.0.1:PORT for good"
    )
    http.add_argument("config_dir", type=Path)
    http.add_argument("port", type=int)
    args = parser.parse_args(argv)
    if args.command == "keep-offline":
        keep_offline(args.config_dir)
    else:
        confirm_http(args.config_dir, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
