"""Drive a running Home Assistant through its HTTP API, as its frontend would.

Onboarding, log-in, config and subentry flows, states and actions. ``scripts/develop``
uses it to onboard ``config/`` and set up an example jukebox on the first start; the
end-to-end tests use it to set up a jukebox and play it. Standard library only, so any
Python 3.14 runs it: ``python -m devtools.hass_client --help``.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import socket
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any, Final

type Json = dict[str, Any]

DOMAIN = "nfc_jukebox"
OWNER_NAME = "Developer"
USERNAME = "dev"
PASSWORD = "nfc-jukebox"  # noqa: S105 - the documented login of a local development instance
READER_NAME = "Simulated reader"
CARD_TYPE = "nfc-jukebox-card"


@dataclass(frozen=True, kw_only=True)
class Chip:
    """A music chip: which tag plays what on which player."""

    uid: str
    name: str
    entity_id: str
    media_content_id: str
    media_content_type: str = "video"

    def subentry_data(self) -> Json:
        """Return the tag-mapping form's input for this chip."""
        return {
            "uid": self.uid,
            "name": self.name,
            "media": {
                "entity_id": self.entity_id,
                "media_content_id": self.media_content_id,
                "media_content_type": self.media_content_type,
            },
        }


# config/configuration.yaml's universal speaker: it plays on the demo living room
# speaker and browses the media sources, where scripts/develop put these tunes.
KIDS_SPEAKER = "media_player.kids_speaker"
EXAMPLE_CHIPS = (
    Chip(
        uid="04A1B2C3D4E5F6",
        name="Lullaby",
        entity_id=KIDS_SPEAKER,
        media_content_id="media-source://media_source/local/Lullaby.wav",
        media_content_type="audio/x-wav",
    ),
    Chip(
        uid="04112233445566",
        name="Morning song",
        entity_id=KIDS_SPEAKER,
        media_content_id="media-source://media_source/local/Morning song.wav",
        media_content_type="audio/x-wav",
    ),
)
# Home Assistant's Overview is made of areas and summaries and holds no custom card:
# the card gets a dashboard of its own (a URL path needs a hyphen), which Home
# Assistant opens with.
DASHBOARD_URL_PATH = "nfc-jukebox"
DASHBOARD: Json = {
    "title": "Jukebox",
    "icon": "mdi:nfc-variant",
    "show_in_sidebar": True,
    "require_admin": False,
    "mode": "storage",
}
DASHBOARD_CONFIG: Json = {
    "views": [
        {
            "title": "Jukebox",
            "type": "sections",
            "sections": [{"type": "grid", "cards": [{"type": f"custom:{CARD_TYPE}"}]}],
        }
    ]
}


class ApiError(Exception):
    """Home Assistant answered a request with an error status."""

    def __init__(self, method: str, path: str, status: int, body: str) -> None:
        """Remember what was asked and what came back."""
        super().__init__(f"{method} {path}: HTTP {status}: {body[:500]}")
        self.status = status
        self.body = body


class FlowError(Exception):
    """A config flow ended differently from what was expected."""


class HomeAssistantApi:
    """A logged-in (once ``log_in`` or ``onboard`` ran) client of one Home Assistant."""

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        """Talk to the Home Assistant at ``url`` (``http://127.0.0.1:8123``)."""
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.token: str | None = None

    @property
    def client_id(self) -> str:
        """Return the OAuth client id: the URL of the frontend, as the frontend uses."""
        return f"{self.url}/"

    # HTTP -----------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        body: Json | None = None,
        *,
        form: dict[str, str] | None = None,
        authorized: bool = True,
    ) -> Any:  # noqa: ANN401 - whatever JSON the endpoint returns
        """Send a request; return the decoded JSON answer (or the text of a non-JSON one)."""
        headers = {"Accept": "application/json"}
        data: bytes | None = None
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if authorized:
            if self.token is None:
                raise RuntimeError("log in before calling authenticated endpoints")
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(  # noqa: S310 - the URL is ours: http(s) only
            self.url + path, data=data, headers=headers, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                text = response.read().decode()
                is_json = response.headers.get_content_type() == "application/json"
        except urllib.error.HTTPError as err:
            raise ApiError(method, path, err.code, err.read().decode()) from None
        return json.loads(text) if is_json and text else text

    def get(self, path: str) -> Any:  # noqa: ANN401 - JSON
        """GET ``path`` with the access token."""
        return self.request("GET", path)

    def post(self, path: str, body: Json | None = None) -> Any:  # noqa: ANN401 - JSON
        """POST ``body`` as JSON to ``path`` with the access token."""
        return self.request("POST", path, body)

    # Starting up ----------------------------------------------------------------

    def wait_until_listening(
        self, timeout: float, *, alive: Callable[[], bool] = lambda: True
    ) -> None:
        """Wait until the HTTP server answers (early in the start, before integrations)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.request("GET", "/api/onboarding", authorized=False)
            except ApiError:
                return  # 404 once onboarded: it answers all the same
            except OSError:
                pass  # not listening yet
            else:
                return
            if not alive():
                raise RuntimeError(f"Home Assistant exited before {self.url} answered")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.url} did not answer within {timeout:.0f} s")
            time.sleep(0.25)

    def wait_until_running(self, timeout: float) -> None:
        """Wait until Home Assistant has started (its core state is RUNNING)."""
        deadline = time.monotonic() + timeout
        state = None
        while (state := self.get("/api/config").get("state")) != "RUNNING":
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"Home Assistant is still {state} after {timeout:.0f} s"
                )
            time.sleep(0.25)

    # Onboarding and log-in ------------------------------------------------------

    def pending_onboarding_steps(self) -> list[str]:
        """Return the onboarding steps not done yet (none once onboarding is over)."""
        try:
            steps = self.request("GET", "/api/onboarding", authorized=False)
        except ApiError as err:
            if err.status == HTTPStatus.NOT_FOUND:  # the view is gone once onboarded
                return []
            raise
        return [step["step"] for step in steps if not step["done"]]

    def create_owner(self, name: str, username: str, password: str) -> None:
        """Do onboarding's first step: create the owner; log in as them."""
        answer = self.request(
            "POST",
            "/api/onboarding/users",
            {
                "client_id": self.client_id,
                "name": name,
                "username": username,
                "password": password,
                "language": "en",
            },
            authorized=False,
        )
        self._fetch_token(answer["auth_code"])

    def log_in(self, username: str, password: str) -> None:
        """Log in with a username and password, as the login page does."""
        flow = self.request(
            "POST",
            "/auth/login_flow",
            {
                "client_id": self.client_id,
                "handler": ["homeassistant", None],
                "redirect_uri": f"{self.client_id}?auth_callback=1",
            },
            authorized=False,
        )
        result = self.request(
            "POST",
            f"/auth/login_flow/{flow['flow_id']}",
            {"client_id": self.client_id, "username": username, "password": password},
            authorized=False,
        )
        if result.get("type") != "create_entry":
            raise FlowError(f"logging in as {username!r} failed: {result}")
        self._fetch_token(result["result"])

    def _fetch_token(self, code: str) -> None:
        tokens = self.request(
            "POST",
            "/auth/token",
            form={
                "grant_type": "authorization_code",
                "code": code,
                "client_id": self.client_id,
            },
            authorized=False,
        )
        self.token = tokens["access_token"]

    def finish_onboarding(self, pending: Sequence[str]) -> None:
        """Do the onboarding steps after the first, as the frontend's wizard does."""
        for step in ("core_config", "analytics"):
            if step in pending:
                self.post(f"/api/onboarding/{step}")
        if "integration" in pending:
            self.post(
                "/api/onboarding/integration",
                {
                    "client_id": self.client_id,
                    "redirect_uri": f"{self.client_id}?auth_callback=1",
                },
            )

    # Config entries and flows ---------------------------------------------------

    def config_entries(self, domain: str) -> list[Json]:
        """Return the config entries of ``domain``."""
        entries: list[Json] = self.get(
            f"/api/config/config_entries/entry?domain={domain}"
        )
        return entries

    def add_simulated_reader(self, name: str) -> str:
        """Add a simulated reader named ``name``; return its entry id.

        The flow asks for no name: like a user, this renames the new entry, its
        device and its entity ids. A reader of that name that exists is returned.
        """
        for entry in self.config_entries(DOMAIN):
            if entry["title"] == name:
                existing: str = entry["entry_id"]
                return existing
        flows = "/api/config/config_entries/flow"
        result = self.post(flows, {"handler": DOMAIN})
        _expect(result, "menu", "user")
        result = self.post(
            f"{flows}/{result['flow_id']}", {"next_step_id": "simulated"}
        )
        _expect(result, "form", "simulated")
        result = self.post(f"{flows}/{result['flow_id']}", {})
        if result["type"] != "create_entry":
            raise FlowError(f"adding the simulated reader {name!r} ended with {result}")
        entry_id: str = result["result"]["entry_id"]
        self.rename_reader(entry_id, old=result["title"], new=name)
        return entry_id

    def rename_reader(self, entry_id: str, *, old: str, new: str) -> None:
        """Rename a reader's entry, and its entity ids as renaming its device offers."""
        [entities] = self.websocket({"type": "config/entity_registry/list"})
        old_slug, new_slug = _slug(old), _slug(new)
        commands: list[Json] = [
            {"type": "config_entries/update", "entry_id": entry_id, "title": new}
        ]
        for entity in entities:
            domain, object_id = entity["entity_id"].split(".", 1)
            if entity["config_entry_id"] == entry_id and object_id.startswith(old_slug):
                new_object_id = new_slug + object_id.removeprefix(old_slug)
                commands.append(
                    {
                        "type": "config/entity_registry/update",
                        "entity_id": entity["entity_id"],
                        "new_entity_id": f"{domain}.{new_object_id}",
                    }
                )
        self.websocket(*commands)
        self.post(f"/api/config/config_entries/entry/{entry_id}/reload")

    def websocket(self, *commands: Json) -> list[Any]:
        """Send ``commands`` over one websocket connection; return their results."""
        url = urllib.parse.urlsplit(self.url)
        host, port = url.hostname or "127.0.0.1", url.port or 80
        key = base64.b64encode(os.urandom(16)).decode()
        with socket.create_connection((host, port), timeout=self.timeout) as sock:
            sock.sendall(
                f"GET /api/websocket HTTP/1.1\r\nHost: {host}:{port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
            )
            response = b""
            while not response.endswith(b"\r\n\r\n"):
                response += _read(sock, 1)
            if not response.startswith(b"HTTP/1.1 101 "):
                raise ApiError("GET", "/api/websocket", 0, response.decode())
            _ws_receive(sock)  # auth_required
            _ws_send(sock, {"type": "auth", "access_token": self.token})
            if _ws_receive(sock).get("type") != "auth_ok":
                raise ApiError("GET", "/api/websocket", 401, "websocket auth failed")
            results = []
            for number, command in enumerate(commands, start=1):
                _ws_send(sock, {"id": number, **command})
                while (answer := _ws_receive(sock)).get("id") != number:
                    pass  # events of earlier subscriptions: none are made
                if not answer.get("success"):
                    raise ApiError("WS", command["type"], 400, json.dumps(answer))
                results.append(answer.get("result"))
            return results

    def add_card_dashboard(self) -> bool:
        """Add the Jukebox dashboard with the card, opened first; False if it exists."""
        [dashboards] = self.websocket({"type": "lovelace/dashboards/list"})
        if any(board["url_path"] == DASHBOARD_URL_PATH for board in dashboards):
            return False
        _, _, system = self.websocket(
            {
                "type": "lovelace/dashboards/create",
                "url_path": DASHBOARD_URL_PATH,
                **DASHBOARD,
            },
            {
                "type": "lovelace/config/save",
                "url_path": DASHBOARD_URL_PATH,
                "config": DASHBOARD_CONFIG,
            },
            {"type": "frontend/get_system_data", "key": "core"},
        )
        # As Settings → Dashboards → ⋮ → "Set as default" does.
        self.websocket(
            {
                "type": "frontend/set_system_data",
                "key": "core",
                "value": {
                    **(system["value"] or {}),
                    "default_panel": DASHBOARD_URL_PATH,
                },
            }
        )
        return True

    def add_music_chip(self, entry_id: str, chip: Chip) -> bool:
        """Map a chip to music through the subentry flow; False if its UID was mapped."""
        flows = "/api/config/config_entries/subentries/flow"
        result = self.post(flows, {"handler": [entry_id, "tag"]})
        _expect(result, "form", "user")
        result = self.post(f"{flows}/{result['flow_id']}", chip.subentry_data())
        if result["type"] == "create_entry":
            return True
        if result["type"] == "form" and result.get("errors") == {
            "uid": "uid_taken_by_chip"
        }:
            return False  # the form stays open with the error; HA drops it later
        if result["type"] == "abort" and result["reason"] == "already_configured":
            return False
        raise FlowError(f"mapping chip {chip.uid} ended with {result}")

    # States and actions ---------------------------------------------------------

    def state(self, entity_id: str) -> Json:
        """Return the state of an entity: state, attributes, last_changed…."""
        state: Json = self.get(f"/api/states/{entity_id}")
        return state

    def call(self, domain: str, service: str, data: Json) -> Any:  # noqa: ANN401 - JSON
        """Perform an action (call a service); return the states it changed."""
        return self.post(f"/api/services/{domain}/{service}", data)

    def wait_for_state(
        self,
        entity_id: str,
        predicate: Callable[[Json], bool],
        what: str,
        timeout: float = 10.0,
    ) -> Json:
        """Poll ``entity_id`` until ``predicate`` holds; fail saying ``what`` was awaited."""
        deadline = time.monotonic() + timeout
        while not predicate(state := self.state(entity_id)):
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"{entity_id} did not become {what} within {timeout:.0f} s; "
                    f"it is {json.dumps(state, indent=1)}"
                )
            time.sleep(0.1)
        return state


def _slug(name: str) -> str:
    """Return the object id Home Assistant derives from a name (ASCII names)."""
    return "_".join(re.findall(r"[a-z0-9]+", name.lower()))


#: RFC 6455 payload lengths: these say a 16-bit or a 64-bit length follows.
_WS_LENGTH_16: Final = 126
_WS_LENGTH_64: Final = 127


def _ws_send(sock: socket.socket, message: Json) -> None:
    """Write one masked text frame, as a websocket client must."""
    payload = json.dumps(message).encode()
    mask = os.urandom(4)
    size = len(payload)
    if size < _WS_LENGTH_16:
        header = bytes([0x81, 0x80 | size])
    elif size < 1 << 16:
        header = bytes([0x81, 0x80 | _WS_LENGTH_16]) + struct.pack("!H", size)
    else:
        header = bytes([0x81, 0x80 | _WS_LENGTH_64]) + struct.pack("!Q", size)
    sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))


def _ws_receive(sock: socket.socket) -> Json:
    """Read one (unfragmented, unmasked) text frame from the server."""
    _, second = _read(sock, 2)
    size = second & 0x7F
    if size == _WS_LENGTH_16:
        (size,) = struct.unpack("!H", _read(sock, 2))
    elif size == _WS_LENGTH_64:
        (size,) = struct.unpack("!Q", _read(sock, 8))
    message: Json = json.loads(_read(sock, size))
    return message


def _read(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("Home Assistant closed the websocket")
        data += chunk
    return data


def _expect(result: Json, flow_type: str, step_id: str) -> None:
    if result.get("type") != flow_type or result.get("step_id") != step_id:
        raise FlowError(f"expected the {flow_type} {step_id!r}, got {result}")


# Setting up an instance -------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Jukebox:
    """What ``set_up`` made: the reader's config entry and its chips."""

    entry_id: str
    chips: tuple[Chip, ...]


def set_up(
    api: HomeAssistantApi,
    *,
    reader_name: str = READER_NAME,
    chips: Sequence[Chip] = EXAMPLE_CHIPS,
    timeout: float = 120.0,
    alive: Callable[[], bool] = lambda: True,
) -> Jukebox:
    """Onboard (or log in), then add a simulated reader with ``chips``; skip what exists."""
    api.wait_until_listening(timeout, alive=alive)
    pending = api.pending_onboarding_steps()
    if "user" in pending:
        api.create_owner(OWNER_NAME, USERNAME, PASSWORD)
    else:
        api.log_in(USERNAME, PASSWORD)
    api.wait_until_running(timeout)
    api.finish_onboarding(pending)
    entry_id = api.add_simulated_reader(reader_name)
    for chip in chips:
        api.add_music_chip(entry_id, chip)
    return Jukebox(entry_id=entry_id, chips=tuple(chips))


def _banner(url: str, jukebox: Jukebox) -> str:
    chips = "\n".join(
        f"    {chip.uid}  {chip.name} on {chip.entity_id}" for chip in jukebox.chips
    )
    first = jukebox.chips[0]
    return f"""
================================================================================
NFC Jukebox is ready on {url}
  Log in as {USERNAME!r} with password {PASSWORD!r}. Home Assistant opens on the
  Jukebox dashboard, with the card; its own Overview is at {url}/home.
  A simulated reader ({READER_NAME!r}, config entry {jukebox.entry_id}) knows these chips:
{chips}
  Place one: Settings → Tools → Actions → "NFC Jukebox: Place a simulated chip", or in YAML
    action: {DOMAIN}.simulate_place
    data:
      config_entry_id: {jukebox.entry_id}
      uid: {first.uid}
  and watch the card play it on the Kids speaker; {DOMAIN}.simulate_remove lifts the
  chip (pause). A chip the reader does not know shows "New chip" and Assign in the card.
================================================================================
"""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Set up a running Home Assistant as scripts/develop's example jukebox."""
    parser = argparse.ArgumentParser(prog="python -m devtools.hass_client")
    commands = parser.add_subparsers(dest="command", required=True)
    setup = commands.add_parser(
        "set-up", help="onboard a starting Home Assistant, add the example jukebox"
    )
    setup.add_argument("url")
    setup.add_argument("--pid", type=int, help="give up when this process is gone")
    setup.add_argument("--done-file", type=Path, help="touch this file when done")
    setup.add_argument("--public-url", help="the URL to print (default: URL)")
    args = parser.parse_args(argv)
    pid: int | None = args.pid
    api = HomeAssistantApi(args.url)
    try:
        jukebox = set_up(
            api, timeout=600.0, alive=lambda: pid is None or _pid_alive(pid)
        )
        api.add_card_dashboard()
    except (ApiError, FlowError, OSError, RuntimeError) as err:
        print(  # noqa: T201
            f"Setting up the development instance failed: {err}\n"
            "To start over, delete config/ except configuration.yaml.",
            file=sys.stderr,
        )
        return 1
    if args.done_file is not None:
        args.done_file.touch()
    print(_banner(args.public_url or args.url, jukebox), file=sys.stderr)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
