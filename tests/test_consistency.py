"""Strings, services.yaml, icons and the code agree: nothing shown untranslated."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import section
from homeassistant.util.yaml import load_yaml_dict
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.chips.forms import (
    control_chip_schema,
    music_chip_form,
)
from custom_components.nfc_jukebox.chips.validation import UID_TAKEN
from custom_components.nfc_jukebox.const import DOMAIN, Connection
from custom_components.nfc_jukebox.options_flow import options_schema

INTEGRATION = Path(__file__).parent.parent / "custom_components" / DOMAIN
CODE = "\n".join(path.read_text(encoding="utf-8") for path in INTEGRATION.rglob("*.py"))


def _json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((INTEGRATION / name).read_text(encoding="utf-8"))
    return data


STRINGS = _json("strings.json")
LANGUAGES = {lang: _json(f"translations/{lang}.json") for lang in ("en", "de", "nl")}


def _flows() -> list[dict[str, Any]]:
    """Return every flow section of strings.json: config, options, subentries, fixes."""
    flows = [STRINGS["config"], STRINGS["options"]]
    flows += STRINGS["config_subentries"].values()
    flows += [
        issue["fix_flow"] for issue in STRINGS["issues"].values() if "fix_flow" in issue
    ]
    return flows


def _used(pattern: str) -> set[str]:
    return set(re.findall(pattern, CODE))


def test_every_translation_key_in_the_code_has_a_string() -> None:
    known = (
        set(STRINGS["exceptions"]) | set(STRINGS["issues"]) | set(STRINGS["selector"])
    )
    for platform in STRINGS["entity"].values():
        known |= set(platform)

    missing = _used(r'translation_key="(\w+)"') - known
    assert not missing


def test_every_form_error_and_abort_reason_has_a_string() -> None:
    errors = set().union(*(flow.get("error", {}) for flow in _flows()))
    aborts = set().union(*(flow.get("abort", {}) for flow in _flows()))

    used_errors = _used(r'errors\[\w+\] = "(\w+)"') | _used(r'\{field: "(\w+)"\}')
    used_errors |= _used(r'\(\w+, "(\w+)"\),')  # the CONNECT_ERRORS table
    used_errors |= _used(r'\{"base": "(\w+)"\}')
    used_errors |= _used(r'InvalidChip\(\{\w+: "(\w+)"\}\)')
    assert used_errors
    assert not used_errors - errors
    used_aborts = _used(r'async_abort\(\s*reason="(\w+)"') | {"already_configured"}
    assert not used_aborts - aborts


def test_every_step_and_menu_option_has_a_string() -> None:
    steps = set().union(*(flow["step"] for flow in _flows()))

    assert not _used(r'step_id="(\w+)"') - steps
    assert set(STRINGS["config"]["step"]["user"]["menu_options"]) == {
        connection.value for connection in Connection
    }


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_placeholders_are_the_same_in_every_language(language: str) -> None:
    def placeholders(tree: dict[str, Any], prefix: str = "") -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for key, value in tree.items():
            if isinstance(value, dict):
                found |= placeholders(value, f"{prefix}{key}.")
            else:
                found[f"{prefix}{key}"] = set(re.findall(r"\{(\w+)\}", value))
        return found

    assert placeholders(LANGUAGES[language]) == placeholders(LANGUAGES["en"])


async def test_services_yaml_matches_the_registered_actions_and_their_strings(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    described = load_yaml_dict(str(INTEGRATION / "services.yaml"))
    registered = hass.services.async_services_for_domain(DOMAIN)

    assert set(described) == set(registered)
    assert set(described) == set(STRINGS["services"])
    assert set(described) == set(_json("icons.json")["services"])
    for service, description in described.items():
        assert set(description["fields"]) == set(STRINGS["services"][service]["fields"])


def test_entity_icons_belong_to_translated_entities() -> None:
    icons = _json("icons.json")["entity"]
    for platform, entities in icons.items():
        assert set(entities) <= set(STRINGS["entity"][platform])


def test_every_chip_error_is_translated_in_every_form_that_saves_chips() -> None:
    mappings = "\n".join(
        (INTEGRATION / "chips" / name).read_text(encoding="utf-8")
        for name in ("validation.py", "forms.py")
    )
    chip_errors = set(re.findall(r'errors\[\w+\] = "(\w+)"', mappings))
    music_only = {
        "not_a_speaker",
        "no_music",
        "media_too_long",
        "feed_or_stream",
        "invalid_web_address",
    }
    control_errors = chip_errors - music_only
    # "Play a whole folder" of the music chip forms
    folder_errors = set(re.findall(r'InvalidChip\(\{\w+: "(\w+)"\}\)', mappings))
    subentries = STRINGS["config_subentries"]
    # the offer of a new chip (the config flow's discovered steps)
    offer = STRINGS["config"]

    assert folder_errors
    assert chip_errors | folder_errors <= set(subentries["tag"]["error"])
    assert control_errors <= set(subentries["control"]["error"])
    assert (chip_errors | folder_errors) - {"invalid_uid"} <= set(offer["error"])
    for flow in (subentries["tag"], subentries["control"], offer):
        assert "{chip}" in flow["error"][UID_TAKEN]


def _forms() -> list[tuple[tuple[str, ...], Any]]:
    """Return every form that edits chips or reader options, and where its words are."""
    music, control = music_chip_form(), control_chip_schema()
    return [
        (("config_subentries", "tag", "step", "user"), music),
        (("config_subentries", "tag", "step", "reconfigure"), music),
        (("config_subentries", "control", "step", "user"), control),
        (("config_subentries", "control", "step", "reconfigure"), control),
        (("config", "step", "assign"), music_chip_form(with_uid=False)),
        (("options", "step", "init"), options_schema()),
    ]


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_field_and_section_of_every_form_has_a_label_and_help(
    language: str,
) -> None:
    missing: list[str] = []
    for path, schema in _forms():
        step: dict[str, Any] = LANGUAGES[language]
        for key in path:
            step = step[key]
        for marker, value in schema.schema.items():
            name = str(marker)
            if isinstance(value, section):
                words = step.get("sections", {}).get(name, {})
                if not words.get("name"):
                    missing.append(f"{'.'.join(path)}.sections.{name}.name")
                fields, where = value.schema.schema, words
            else:
                fields, where = {marker: value}, step
            missing.extend(
                f"{'.'.join(path)} {name} {kind}.{field}"
                for field in map(str, fields)
                for kind in ("data", "data_description")
                if not where.get(kind, {}).get(field)
            )
    assert not missing


def _ui_strings(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            found |= _ui_strings(value, f"{prefix}{key}.")
        else:
            found[f"{prefix}{key}"] = value
    return found


def test_forms_notices_and_actions_call_the_physical_thing_a_chip() -> None:
    texts = _ui_strings(
        {
            key: LANGUAGES["en"][key]
            for key in ("config", "config_subentries", "exceptions", "issues")
        }
        | {
            "options": LANGUAGES["en"]["options"],
            "services": LANGUAGES["en"]["services"],
        }
    )

    assert not {
        key: text
        for key, text in texts.items()
        if re.search(r"\btags?\b", text, re.IGNORECASE)
    }
