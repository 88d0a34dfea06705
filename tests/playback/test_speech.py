"""A box that speaks: the chip's name before its music, messages instead of beeps."""

from __future__ import annotations

import pytest
from homeassistant.config_entries import ConfigFlowResult
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.const import (
    CONF_SAY_NAME,
    CONF_TTS_ENTITY,
    SECTION_SPEECH,
)


async def _submit_options(
    hass: HomeAssistant, entry: MockConfigEntry, speech: dict[str, object]
) -> ConfigFlowResult:
    result = await hass.config_entries.options.async_init(entry.entry_id)
    return await hass.config_entries.options.async_configure(
        result["flow_id"],
        {"house_rules": {}, "volume_range": {}, SECTION_SPEECH: speech},
    )


async def test_the_options_pick_a_voice_and_say_the_chip_name(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await _submit_options(
        hass,
        init_integration,
        {CONF_TTS_ENTITY: "tts.home_voice", CONF_SAY_NAME: True},
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options[CONF_TTS_ENTITY] == "tts.home_voice"
    assert init_integration.options[CONF_SAY_NAME] is True
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    form = result["data_schema"]
    assert form is not None
    speech = form.schema[SECTION_SPEECH].schema.schema
    shown = {str(key): key.description["suggested_value"] for key in speech}
    assert shown == {CONF_TTS_ENTITY: "tts.home_voice", CONF_SAY_NAME: True}


async def test_saying_the_name_without_a_voice_is_refused_and_nothing_is_saved(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    before = dict(init_integration.options)

    result = await _submit_options(hass, init_integration, {CONF_SAY_NAME: True})

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {SECTION_SPEECH: "say_name_needs_voice"}
    assert dict(init_integration.options) == before


@pytest.mark.parametrize("voice", ["media_player.kids", "not an entity"])
async def test_a_voice_that_is_no_text_to_speech_entity_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry, voice: str
) -> None:
    before = dict(init_integration.options)
    result = await hass.config_entries.options.async_init(init_integration.entry_id)

    with pytest.raises(InvalidData, match="tts"):
        await hass.config_entries.options.async_configure(
            result["flow_id"],
            {
                "house_rules": {},
                "volume_range": {},
                SECTION_SPEECH: {CONF_TTS_ENTITY: voice},
            },
        )
    assert dict(init_integration.options) == before
