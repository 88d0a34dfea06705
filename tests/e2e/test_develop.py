"""What ``scripts/develop`` gives a new user: chips that play, and the card first.

Home Assistant starts with ``config/configuration.yaml`` (its media folder moved into
the test's directory), as ``scripts/develop`` starts it, and is set up as its first
start does: onboarded, a simulated reader with the example chips, the tunes of
``devtools/media.py`` and the Jukebox dashboard.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import pytest_socket

from devtools.hass_client import (
    CARD_TYPE,
    DASHBOARD_URL_PATH,
    DOMAIN,
    EXAMPLE_CHIPS,
    KIDS_SPEAKER,
    Json,
    set_up,
)
from devtools.hass_process import HomeAssistant, start_home_assistant
from devtools.media import write_example_music

from .conftest import REPO, START_TIMEOUT, fail_if_anything_was_installed

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

DEVELOP_CONFIGURATION = REPO / "config" / "configuration.yaml"
MEDIA_DIR = "    local: config/media\n"


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HomeAssistant]:
    """Return a Home Assistant set up as scripts/develop's first start sets one up."""
    pytest_socket.enable_socket()
    config = tmp_path_factory.mktemp("homeassistant")
    configuration = DEVELOP_CONFIGURATION.read_text()
    assert MEDIA_DIR in configuration
    configuration = configuration.replace(MEDIA_DIR, f"    local: {config / 'media'}\n")
    write_example_music(config / "media")
    for included in ("automations.yaml", "scripts.yaml", "scenes.yaml"):
        (config / included).touch()
    instance = start_home_assistant(config, configuration)
    started = time.monotonic()
    try:
        try:
            instance.jukebox = set_up(
                instance.api,
                timeout=START_TIMEOUT,
                alive=lambda: instance.process.poll() is None,
            )
            assert instance.api.add_card_dashboard()
        except Exception as err:  # noqa: BLE001 - any failure: say why, with the log
            pytest.fail(
                f"Home Assistant was not started and set up after "
                f"{time.monotonic() - started:.1f} s: {err}\n"
                f"--- tail of {instance.log} ---\n{instance.log_tail()}"
            )
        fail_if_anything_was_installed(instance)
        yield instance
    finally:
        instance.stop()


def test_each_example_chip_plays_its_tune_on_the_kids_speaker(
    home_assistant: HomeAssistant,
) -> None:
    api = home_assistant.api
    for chip in EXAMPLE_CHIPS:
        assert chip.entity_id == KIDS_SPEAKER
        api.call(
            DOMAIN,
            "simulate_place",
            {"config_entry_id": home_assistant.entry_id, "uid": chip.uid},
        )

        def plays(state: Json, music: str = chip.media_content_id) -> bool:
            content: str | None = state["attributes"].get("media_content_id")
            return state["state"] == "playing" and content == music

        api.wait_for_state(KIDS_SPEAKER, plays, f"playing {chip.media_content_id}")
        # Lifting pauses: the next chip must start the speaker again.
        api.call(
            DOMAIN, "simulate_remove", {"config_entry_id": home_assistant.entry_id}
        )
        api.wait_for_state(
            KIDS_SPEAKER, lambda state: state["state"] == "paused", "paused"
        )
    [issues, flows] = api.websocket(
        {"type": "repairs/list_issues"}, {"type": "config_entries/flow/progress"}
    )
    assert [issue for issue in issues["issues"] if issue["domain"] == DOMAIN] == []
    # every example chip has its music: none is offered as new
    assert [flow for flow in flows if flow["handler"] == DOMAIN] == []


def test_home_assistant_opens_on_the_jukebox_dashboard_with_the_card(
    home_assistant: HomeAssistant,
) -> None:
    api = home_assistant.api
    [dashboards, config, system] = api.websocket(
        {"type": "lovelace/dashboards/list"},
        {"type": "lovelace/config", "url_path": DASHBOARD_URL_PATH},
        {"type": "frontend/get_system_data", "key": "core"},
    )
    [dashboard] = [
        board for board in dashboards if board["url_path"] == DASHBOARD_URL_PATH
    ]
    assert (dashboard["title"], dashboard["show_in_sidebar"]) == ("Jukebox", True)
    [view] = config["views"]
    assert view["sections"][0]["cards"] == [{"type": f"custom:{CARD_TYPE}"}]
    assert system["value"]["default_panel"] == DASHBOARD_URL_PATH
    # A second run (scripts/develop after a failed first start) adds no second one.
    assert not api.add_card_dashboard()
