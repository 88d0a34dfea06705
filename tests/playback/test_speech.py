"""A box that speaks: the chip's name before its music, messages instead of beeps."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, override

import pytest
from homeassistant.components import media_source
from homeassistant.components.media_player import (
    ATTR_MEDIA_ANNOUNCE,
    MediaPlayerState,
    MediaType,
)
from homeassistant.components.tts import async_get_media_source_audio
from homeassistant.config_entries import ConfigFlowResult
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.nfc_jukebox.const import (
    CONF_FEEDBACK,
    CONF_MEDIA_PLAYER,
    CONF_SAY_NAME,
    CONF_TTS_ENTITY,
    DOMAIN,
    SECTION_SPEECH,
    Block,
)
from custom_components.nfc_jukebox.playback import speaker as speaker_module
from custom_components.nfc_jukebox.playback.speech import MESSAGES
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from custom_components.nfc_jukebox.sounds import Sound
from tests.speaker import Speaker
from tests.test_rules import lift, take_off
from tests.voice import VOICE, HomeVoice, async_set_up_voice, said

from .support import LOUDER, LULLABY, WaitUntil, place, playing, set_up
from .test_feedback import AnnouncingSpeaker, sound

INTEGRATION = Path(__file__).parents[2] / "custom_components" / DOMAIN
KIDS = "media_player.kids"
SPEAKING = {CONF_FEEDBACK: True, CONF_TTS_ENTITY: VOICE, CONF_MEDIA_PLAYER: KIDS}


@pytest.fixture
async def voice(hass: HomeAssistant, tmp_path: Path) -> HomeVoice:
    """Return the home's voice, a text-to-speech entity; Home Assistant has a URL."""
    await hass.config.async_update(internal_url="http://homeassistant.local:8123")
    return await async_set_up_voice(hass, tmp_path)


@pytest.fixture
async def announcing_speaker(
    hass: HomeAssistant, voice: HomeVoice
) -> AnnouncingSpeaker:
    """Return the kids' speaker, able to announce."""
    speaker = AnnouncingSpeaker("Kids")
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    return speaker


def spoken(speaker: Speaker) -> list[tuple[str, str]]:
    """Return what ``speaker`` announced in words, in which language."""
    return [
        words
        for name, media_id in speaker.calls
        if name == "announce" and (words := said(str(media_id))) is not None
    ]


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


@pytest.mark.parametrize("options", [SPEAKING])
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("I don't know this chip yet.", "en-US")),
        ("de", ("Diesen Chip kenne ich noch nicht.", "de-DE")),
        ("nl", ("Deze chip ken ik nog niet.", "nl-NL")),
        ("en-GB", ("I don't know this chip yet.", "en-GB")),
        ("de-CH", ("Diesen Chip kenne ich noch nicht.", "de-DE")),
        ("fr", ("I don't know this chip yet.", "en-US")),
    ],
)
async def test_an_unknown_chip_is_told_in_the_homes_language_else_in_english(
    hass: HomeAssistant,
    announcing_speaker: AnnouncingSpeaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    language: str,
    words: tuple[str, str],
) -> None:
    await hass.config.async_update(language=language)

    place(emulator, "04999999999999")

    await wait_until(lambda: spoken(announcing_speaker) == [words])
    assert sound("unknown") not in announcing_speaker.calls


@pytest.mark.parametrize("options", [SPEAKING])
async def test_the_jukebox_switched_off_is_told_and_the_music_keeps_its_place(
    hass: HomeAssistant,
    announcing_speaker: AnnouncingSpeaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    await take_off(init_integration, emulator, wait_until)
    await hass.services.async_call(
        "switch", "turn_off", {ATTR_ENTITY_ID: "switch.jukebox_jukebox"}, blocking=True
    )

    place(emulator, LULLABY)

    await wait_until(
        lambda: ("The jukebox is switched off.", "en-US") in spoken(announcing_speaker)
    )
    state = hass.states.get(KIDS)
    assert state is not None
    assert state.state == "paused"
    assert state.attributes["media_content_id"] == "media-source://lullabies"


@pytest.mark.parametrize("options", [SPEAKING])
@pytest.mark.parametrize(
    ("cue", "words"),
    [
        (Block.OFF, "The jukebox is switched off."),
        (Block.QUIET_HOURS, "It's quiet time now. Sleep well."),
        (Block.LIMIT, "Listening time is used up for today."),
        (Sound.UNKNOWN, "I don't know this chip yet."),
        (Sound.NOT_YET, "This chip's music is not for today."),
    ],
)
async def test_every_cue_a_child_should_understand_is_said_in_words(
    announcing_speaker: AnnouncingSpeaker,
    init_integration: MockConfigEntry,
    cue: Sound | Block,
    words: str,
) -> None:
    feedback = init_integration.runtime_data.jukebox.feedback

    await feedback.announce(cue, KIDS)
    await feedback.answer(cue, KIDS)

    assert spoken(announcing_speaker) == [(words, "en-US")] * 2


@pytest.mark.parametrize("options", [SPEAKING])
async def test_a_recognised_chip_still_sounds(
    announcing_speaker: AnnouncingSpeaker, init_integration: MockConfigEntry
) -> None:
    await init_integration.runtime_data.jukebox.feedback.announce(
        Sound.RECOGNISED, KIDS
    )

    assert announcing_speaker.calls == [sound("recognised")]


@pytest.mark.parametrize(
    "options",
    [{CONF_FEEDBACK: True}, {CONF_FEEDBACK: True, CONF_TTS_ENTITY: "tts.gone"}],
)
async def test_without_a_voice_of_the_home_the_sounds_stay(
    announcing_speaker: AnnouncingSpeaker, init_integration: MockConfigEntry
) -> None:
    feedback = init_integration.runtime_data.jukebox.feedback

    await feedback.announce(Block.QUIET_HOURS, KIDS)
    await feedback.answer(Sound.NOT_YET, KIDS)

    assert announcing_speaker.calls == [sound("blocked"), sound("not_yet")]


@pytest.mark.parametrize("options", [SPEAKING])
async def test_a_speaker_that_cannot_announce_gets_the_sound_not_words(
    hass: HomeAssistant, voice: HomeVoice, init_integration: MockConfigEntry
) -> None:
    speaker = Speaker("Kids")
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    feedback = init_integration.runtime_data.jukebox.feedback

    await feedback.announce(Sound.UNKNOWN, KIDS)  # would stop the music: nothing
    await feedback.answer(Sound.NOT_YET, KIDS)  # the chip's only answer: its sound

    assert speaker.calls == [
        ("play_media", "http://homeassistant.local:8123/nfc_jukebox/sounds/not_yet.wav")
    ]


@pytest.mark.parametrize("options", [SPEAKING])
async def test_what_the_box_says_is_the_voices_audio_in_the_homes_language(
    hass: HomeAssistant,
    announcing_speaker: AnnouncingSpeaker,
    voice: HomeVoice,
    init_integration: MockConfigEntry,
) -> None:
    await hass.config.async_update(language="nl")
    assert await async_setup_component(hass, "media_source", {})
    await init_integration.runtime_data.jukebox.feedback.announce(Block.LIMIT, KIDS)
    ((_, media_id),) = announcing_speaker.calls

    resolved = await media_source.async_resolve_media(hass, str(media_id), KIDS)
    extension, audio = await async_get_media_source_audio(hass, str(media_id))

    assert resolved.url.startswith("/api/tts_proxy/")
    assert extension == "mp3"
    assert audio == b"nl-NL: De luistertijd voor vandaag is op."
    assert voice.spoken == [("De luistertijd voor vandaag is op.", "nl-NL")]


def test_every_sound_and_house_rule_a_child_should_understand_has_a_message() -> None:
    # Recognised is the music itself; Blocked is said as the house rule that blocks.
    assert set(MESSAGES) == (set(Sound) - {Sound.RECOGNISED, Sound.BLOCKED}) | set(
        Block
    )


@pytest.mark.parametrize("language", ["strings", "en", "de", "nl"])
def test_every_message_has_its_words_in_every_language(language: str) -> None:
    path = INTEGRATION / (
        "strings.json" if language == "strings" else f"translations/{language}.json"
    )
    exceptions: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))[
        "exceptions"
    ]

    assert all(exceptions[key]["message"] for key in MESSAGES.values())


NAMING = {**SPEAKING, CONF_FEEDBACK: False, CONF_SAY_NAME: True}


class ShowingSpeaker(AnnouncingSpeaker):
    """A speaker that shows an announcement as what it plays, then its music again."""

    def __init__(self, name: str) -> None:
        """Start idle, announcing nothing."""
        super().__init__(name)
        self._before: tuple[Any, ...] | None = None

    @override
    async def async_play_media(
        self, media_type: MediaType | str, media_id: str, **kwargs: Any
    ) -> None:
        if not kwargs.get(ATTR_MEDIA_ANNOUNCE):
            await super().async_play_media(media_type, media_id, **kwargs)
            return
        self._record("announce", media_id)
        self._before = (
            self._attr_state,
            self._attr_media_content_id,
            self.position_now,
        )
        self._attr_state = MediaPlayerState.PLAYING
        self._attr_media_content_id = "http://homeassistant.local:8123/api/tts_proxy/x"
        self.async_write_ha_state()

    def end_announcement(self) -> None:
        """Finish the announcement: back to the music where it was."""
        assert self._before is not None
        self._attr_state, self._attr_media_content_id, position = self._before
        self._set_position(position)
        self.async_write_ha_state()


class WaitingSpeaker(AnnouncingSpeaker):
    """A speaker whose announce returns once the announcement ended."""

    def __init__(self, name: str) -> None:
        """Start idle; ``heard`` ends the announcement it plays."""
        super().__init__(name)
        self.heard = asyncio.Event()

    @override
    async def async_play_media(
        self, media_type: MediaType | str, media_id: str, **kwargs: Any
    ) -> None:
        await super().async_play_media(media_type, media_id, **kwargs)
        if kwargs.get(ATTR_MEDIA_ANNOUNCE):
            await self.heard.wait()


async def _add(hass: HomeAssistant, speaker: Speaker) -> Speaker:
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    return speaker


def music_calls(speaker: Speaker) -> list[tuple[str, Any]]:
    """Return what ``speaker`` was asked, its name announced in words."""
    return [
        ("name", words[0])
        if name == "announce" and (words := said(str(value)))
        else (
            name,
            value,
        )
        for name, value in speaker.calls
        if name in ("announce", "play_media", "media_play")
    ]


@pytest.mark.parametrize("options", [NAMING])
async def test_the_chips_name_is_said_and_its_music_starts_once_the_speaker_is_back(
    hass: HomeAssistant,
    voice: HomeVoice,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    speaker = await _add(hass, ShowingSpeaker("Kids"))
    assert isinstance(speaker, ShowingSpeaker)
    emulator = await set_up(hass, mock_config_entry)

    place(emulator, LULLABY)
    await wait_until(lambda: music_calls(speaker) == [("name", "Lullabies")])
    await hass.async_block_till_done()
    assert music_calls(speaker) == [("name", "Lullabies")]  # still announcing

    speaker.end_announcement()

    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    assert music_calls(speaker) == [
        ("name", "Lullabies"),
        ("play_media", "media-source://lullabies"),
    ]


@pytest.mark.parametrize("options", [NAMING])
async def test_on_a_speaker_that_answers_once_it_was_said_the_music_follows_it(
    hass: HomeAssistant,
    voice: HomeVoice,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    speaker = await _add(hass, WaitingSpeaker("Kids"))
    assert isinstance(speaker, WaitingSpeaker)
    emulator = await set_up(hass, mock_config_entry)

    place(emulator, LULLABY)
    await wait_until(lambda: music_calls(speaker) == [("name", "Lullabies")])
    # Its announce has not answered yet (Home Assistant's wait would wait for it).
    assert not playing(hass)

    speaker.heard.set()

    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    assert music_calls(speaker) == [
        ("name", "Lullabies"),
        ("play_media", "media-source://lullabies"),
    ]


@pytest.mark.parametrize("options", [NAMING])
async def test_a_speaker_that_announces_over_its_music_plays_it_right_after(
    hass: HomeAssistant,
    announcing_speaker: AnnouncingSpeaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)

    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    assert music_calls(announcing_speaker) == [
        ("name", "Lullabies"),
        ("play_media", "media-source://lullabies"),
    ]


@pytest.mark.parametrize("options", [NAMING])
async def test_the_name_said_again_keeps_the_musics_place(
    hass: HomeAssistant,
    voice: HomeVoice,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    speaker = await _add(hass, ShowingSpeaker("Kids"))
    assert isinstance(speaker, ShowingSpeaker)
    emulator = await set_up(hass, mock_config_entry)
    place(emulator, LULLABY)
    await wait_until(lambda: len(music_calls(speaker)) == 1)
    speaker.end_announcement()
    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    await lift(hass, emulator, wait_until)
    stopped_at = speaker.position_now

    place(emulator, LULLABY)
    await wait_until(lambda: len(music_calls(speaker)) == 3)
    speaker.end_announcement()

    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    assert music_calls(speaker)[2:] == [("name", "Lullabies"), ("media_play", None)]
    assert speaker.position_now == pytest.approx(stopped_at, abs=0.5)


@pytest.mark.parametrize("options", [{**NAMING, CONF_FEEDBACK: True}])
async def test_a_music_chip_whose_name_is_said_makes_no_recognised_sound(
    hass: HomeAssistant,
    announcing_speaker: AnnouncingSpeaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    await take_off(init_integration, emulator, wait_until)
    place(emulator, LOUDER)  # a control chip has no name said: it sounds

    await wait_until(lambda: sound("recognised") in announcing_speaker.calls)
    assert announcing_speaker.calls.count(sound("recognised")) == 1
    assert spoken(announcing_speaker) == [("Lullabies", "en-US")]


@pytest.mark.parametrize(
    "options",
    [{**SPEAKING, CONF_FEEDBACK: False}, {**NAMING, CONF_TTS_ENTITY: "tts.gone"}],
)
async def test_without_say_the_name_or_a_voice_the_music_starts_at_once(
    hass: HomeAssistant,
    announcing_speaker: AnnouncingSpeaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)

    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    assert music_calls(announcing_speaker) == [
        ("play_media", "media-source://lullabies")
    ]


@pytest.mark.parametrize("options", [NAMING])
async def test_a_speaker_that_never_shows_its_music_again_still_gets_the_music(
    hass: HomeAssistant,
    voice: HomeVoice,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(speaker_module, "ANNOUNCEMENT_TIMEOUT", 0.05)
    speaker = await _add(hass, ShowingSpeaker("Kids"))  # never ends its announcement
    emulator = await set_up(hass, mock_config_entry)

    place(emulator, LULLABY)

    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    assert music_calls(speaker) == [
        ("name", "Lullabies"),
        ("play_media", "media-source://lullabies"),
    ]
