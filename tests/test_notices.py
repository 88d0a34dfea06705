"""A reader's notices in Settings → Repairs, and that they go with their reader."""

from __future__ import annotations

import pytest
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox import notices
from custom_components.nfc_jukebox.const import DOMAIN

pytestmark = pytest.mark.usefixtures("kids_speaker")

UID = "04A1B2C3D4E5F6"


async def test_a_removed_reader_takes_every_notice_with_it_and_leaves_others(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
) -> None:
    other = MockConfigEntry(domain=DOMAIN, title="Other", version=2, minor_version=2)
    other.add_to_hass(hass)
    for entry in (init_integration, other):
        notices.async_create_playback_failed_issue(hass, entry, "gone")
        notices.async_create_reader_unreachable_issue(
            hass, entry.entry_id, name=entry.title, port="-", error="gone"
        )

    await hass.config_entries.async_remove(init_integration.entry_id)

    left = {i.issue_id for i in issue_registry.issues.values() if i.domain == DOMAIN}
    assert left == {
        f"playback_failed_{other.entry_id}",
        f"reader_unreachable_{other.entry_id}",
    }


async def test_a_notice_describes_a_reader_name_as_written_not_as_markdown(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
) -> None:
    name = "**Kids** [room](https://example.com)"
    escaped = r"\*\*Kids\*\* \[room\]\(https://example\.com\)"
    hass.config_entries.async_update_entry(init_integration, title=name)
    notices.async_create_playback_failed_issue(hass, init_integration, "gone")
    notices.async_create_reader_unreachable_issue(
        hass, init_integration.entry_id, name=name, port="/dev/ttyUSB0", error="gone"
    )

    for kind in ("playback_failed", "reader_unreachable"):
        issue = issue_registry.async_get_issue(
            DOMAIN, f"{kind}_{init_integration.entry_id}"
        )
        assert issue is not None
        assert issue.translation_placeholders is not None
        # the title is plain text, the description Markdown
        assert issue.translation_placeholders["name"] == name
        assert issue.translation_placeholders["reader"] == escaped
