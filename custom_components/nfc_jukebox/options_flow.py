"""The options flow: how a reader behaves, its speaker and its house rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import probatio
from homeassistant.config_entries import ConfigFlowResult, OptionsFlow
from homeassistant.data_entry_flow import SectionConfig, section
from homeassistant.helpers.selector import (
    BooleanSelector,
    EntitySelector,
    EntitySelectorConfig,
    SelectSelectorMode,
)

from .chips.forms import dropdown, number_box, percent, speaker_selector
from .chips.validation import whole_numbers
from .const import (
    CONF_DAILY_LIMIT,
    CONF_FADE_OUT,
    CONF_FALLBACK_PLAYER,
    CONF_FEEDBACK,
    CONF_JUKEBOX_ON,
    CONF_MAX_VOLUME,
    CONF_MEDIA_PLAYER,
    CONF_MIN_VOLUME,
    CONF_NIGHT_MAX_VOLUME,
    CONF_ON_REMOVE,
    CONF_QUIET_HOURS,
    CONF_QUIET_HOURS_START,
    CONF_RESUME_WINDOW,
    CONF_SAY_NAME,
    CONF_TTS_ENTITY,
    CONF_VOLUME_KNOB,
    DEFAULT_DAILY_LIMIT,
    DEFAULT_FADE_OUT,
    DEFAULT_MAX_VOLUME,
    DEFAULT_MIN_VOLUME,
    DEFAULT_ON_REMOVE,
    DEFAULT_RESUME_WINDOW,
    MAX_DAILY_LIMIT,
    MAX_FADE_OUT,
    SECTION_BUTTONS,
    SECTION_HOUSE_RULES,
    SECTION_KNOB,
    SECTION_SPEECH,
    SECTION_VOLUME,
    OnRemove,
    QuietHoursStart,
)
from .playback.buttons import BUTTON_DOMAINS, BUTTONS, KNOB_DOMAINS
from .rules import rules_error

#: Which options the form shows in which section; they are stored flat.
OPTION_SECTIONS: dict[str, tuple[str, ...]] = {
    SECTION_HOUSE_RULES: (
        CONF_JUKEBOX_ON,
        CONF_QUIET_HOURS,
        CONF_QUIET_HOURS_START,
        CONF_DAILY_LIMIT,
        CONF_FEEDBACK,
    ),
    SECTION_VOLUME: (
        CONF_MIN_VOLUME,
        CONF_MAX_VOLUME,
        CONF_NIGHT_MAX_VOLUME,
        CONF_FADE_OUT,
    ),
    SECTION_BUTTONS: tuple(BUTTONS),
    SECTION_KNOB: (CONF_VOLUME_KNOB,),
    SECTION_SPEECH: (CONF_TTS_ENTITY, CONF_SAY_NAME),
}
#: The options that are whole numbers.
NUMBER_OPTIONS = (
    CONF_RESUME_WINDOW,
    CONF_DAILY_LIMIT,
    CONF_MIN_VOLUME,
    CONF_MAX_VOLUME,
    CONF_NIGHT_MAX_VOLUME,
    CONF_FADE_OUT,
)


def box_schemas() -> tuple[probatio.Schema, probatio.Schema]:
    """Return the sections of the box's buttons and of its volume knob."""
    button = EntitySelector(EntitySelectorConfig(domain=list(BUTTON_DOMAINS)))
    knob = EntitySelector(EntitySelectorConfig(domain=list(KNOB_DOMAINS)))
    return (
        probatio.Schema({probatio.Optional(key): button for key in BUTTONS}),
        probatio.Schema({probatio.Optional(CONF_VOLUME_KNOB): knob}),
    )


def speech_schema() -> probatio.Schema:
    """Return the section of how a reader speaks."""
    return probatio.Schema(
        {
            probatio.Optional(CONF_TTS_ENTITY): EntitySelector(
                EntitySelectorConfig(domain="tts")
            ),
            probatio.Required(CONF_SAY_NAME, default=False): BooleanSelector(),
        }
    )


def options_schema() -> probatio.Schema:
    """Return the form of a reader's behaviour and house rules."""
    house_rules = probatio.Schema(
        {
            probatio.Required(CONF_JUKEBOX_ON, default=True): BooleanSelector(),
            probatio.Optional(CONF_QUIET_HOURS): EntitySelector(
                EntitySelectorConfig(domain="schedule")
            ),
            probatio.Required(
                CONF_QUIET_HOURS_START, default=QuietHoursStart.KEEP_PLAYING
            ): dropdown(
                list(QuietHoursStart), CONF_QUIET_HOURS_START, SelectSelectorMode.LIST
            ),
            probatio.Required(
                CONF_DAILY_LIMIT, default=DEFAULT_DAILY_LIMIT
            ): number_box(0, MAX_DAILY_LIMIT),
            probatio.Required(CONF_FEEDBACK, default=False): BooleanSelector(),
        }
    )
    volume = probatio.Schema(
        {
            probatio.Required(CONF_MIN_VOLUME, default=DEFAULT_MIN_VOLUME): percent(),
            probatio.Required(CONF_MAX_VOLUME, default=DEFAULT_MAX_VOLUME): percent(1),
            probatio.Optional(CONF_NIGHT_MAX_VOLUME): percent(1),
            probatio.Required(CONF_FADE_OUT, default=DEFAULT_FADE_OUT): number_box(
                0, MAX_FADE_OUT
            ),
        }
    )
    buttons, knob = box_schemas()
    return probatio.Schema(
        {
            probatio.Required(CONF_ON_REMOVE, default=DEFAULT_ON_REMOVE): dropdown(
                list(OnRemove), CONF_ON_REMOVE, SelectSelectorMode.LIST
            ),
            probatio.Required(
                CONF_RESUME_WINDOW, default=DEFAULT_RESUME_WINDOW
            ): number_box(0, 1440),
            probatio.Optional(CONF_MEDIA_PLAYER): speaker_selector(),
            probatio.Optional(CONF_FALLBACK_PLAYER): speaker_selector(),
            probatio.Required(SECTION_HOUSE_RULES): section(
                house_rules, SectionConfig(collapsed=True)
            ),
            probatio.Required(SECTION_VOLUME): section(
                volume, SectionConfig(collapsed=True)
            ),
            # Optional: a form sent before the box had buttons keeps working.
            probatio.Optional(SECTION_BUTTONS, default={}): section(
                buttons, SectionConfig(collapsed=True)
            ),
            probatio.Optional(SECTION_KNOB, default={}): section(
                knob, SectionConfig(collapsed=True)
            ),
            # Optional: a form sent without it keeps a reader that only sounds.
            probatio.Optional(SECTION_SPEECH): section(
                speech_schema(), SectionConfig(collapsed=True)
            ),
        }
    )


def _flat_options(user_input: Mapping[str, Any]) -> dict[str, Any]:
    """Return the form's input as the options store it: without sections."""
    options = {
        key: value for key, value in user_input.items() if key not in OPTION_SECTIONS
    }
    for name in OPTION_SECTIONS:
        options.update(user_input.get(name) or {})
    return options


def _sectioned(options: Mapping[str, Any]) -> dict[str, Any]:
    """Return stored options as the form shows them: in sections."""
    shown: dict[str, Any] = {
        key: value
        for key, value in options.items()
        if not any(key in keys for keys in OPTION_SECTIONS.values())
    }
    for name, keys in OPTION_SECTIONS.items():
        shown[name] = {key: options[key] for key in keys if key in options}
    return shown


def _options_errors(options: dict[str, Any]) -> dict[str, str]:
    """Make the number options ints; return the errors, on the section of each field."""
    numbers, errors = whole_numbers(
        options, *(key for key in NUMBER_OPTIONS if key in options)
    )
    options.update(numbers)
    if errors:
        return {
            next(
                (name for name, keys in OPTION_SECTIONS.items() if key in keys), key
            ): error
            for key, error in errors.items()
        }
    if (error := rules_error(options, options)) is not None:
        errors[SECTION_VOLUME] = error[1]
    fallback = options.get(CONF_FALLBACK_PLAYER)
    if fallback and fallback == options.get(CONF_MEDIA_PLAYER):
        errors[CONF_FALLBACK_PLAYER] = "fallback_is_speaker"
    if options.get(CONF_SAY_NAME) and not options.get(CONF_TTS_ENTITY):
        errors[SECTION_SPEECH] = "say_name_needs_voice"
    return errors


class NfcJukeboxOptionsFlow(OptionsFlow):
    """How a reader behaves: lifting a chip, resuming, and the house rules."""

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show and save the reader's behaviour and house rules."""
        errors: dict[str, str] = {}
        if user_input is not None:
            options = _flat_options(user_input)
            if not (errors := _options_errors(options)):
                return self.async_create_entry(data=options)
        return self.async_show_form(
            step_id="init",
            data_schema=self.add_suggested_values_to_schema(
                options_schema(),
                user_input or _sectioned(self.config_entry.options),
            ),
            errors=errors,
        )
