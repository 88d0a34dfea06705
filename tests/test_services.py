"""The simulate actions drive a simulated reader's emulator, and only that."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import probatio
import pytest
from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError, Unauthorized
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser

from custom_components.nfc_jukebox.const import DOMAIN
from custom_components.nfc_jukebox.pn532 import encode_message
from custom_components.nfc_jukebox.pn532.emulator import (
    ClassicTag,
    Pn532Emulator,
    VirtualTag,
    ntag,
)

from .conftest import serial_entry

PRESENT = "binary_sensor.jukebox_chip_present"
type WaitUntil = Callable[..., Awaitable[None]]


async def test_simulate_place_puts_a_tag_with_content_on_the_reader(
    hass: HomeAssistant, init_integration: MockConfigEntry, wait_until: WaitUntil
) -> None:
    await hass.services.async_call(
        DOMAIN,
        "simulate_place",
        {
            "config_entry_id": init_integration.entry_id,
            "uid": "04:a1:b2:c3:d4:e5:f6",
            "tag_type": "ntag213",
            "text": "Bedtime",
        },
        blocking=True,
    )
    reader = init_integration.runtime_data.reader
    await wait_until(lambda: reader.present is not None and reader.present.complete)

    tag = reader.present
    assert tag is not None
    assert tag.uid == "04A1B2C3D4E5F6"
    assert tag.type.value == "ntag213"
    assert tag.ndef == ({"type": "text", "text": "Bedtime", "language": "en"},)


async def test_simulate_remove_lifts_the_tag(
    hass: HomeAssistant, init_integration: MockConfigEntry, wait_until: WaitUntil
) -> None:
    data = {"config_entry_id": init_integration.entry_id}
    await hass.services.async_call(
        DOMAIN, "simulate_place", {**data, "uid": "04A1B2C3D4E5F6"}, blocking=True
    )
    await wait_until(lambda: hass.states.is_state(PRESENT, STATE_ON))
    await hass.services.async_call(DOMAIN, "simulate_remove", data, blocking=True)
    await wait_until(lambda: hass.states.is_state(PRESENT, STATE_OFF))


async def test_simulating_on_a_real_reader_is_refused_with_a_clear_error(
    hass: HomeAssistant, pty_reader: tuple[Pn532Emulator, str]
) -> None:
    _, port = pty_reader
    entry = serial_entry(port, title="Real box")
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)

    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "simulate_remove",
            {"config_entry_id": entry.entry_id},
            blocking=True,
        )
    assert raised.value.translation_key == "not_simulated"
    assert raised.value.translation_placeholders == {"name": "Real box"}
    await hass.config_entries.async_unload(entry.entry_id)


async def test_simulate_place_takes_a_uid_written_with_dashes_or_spaces(
    hass: HomeAssistant, init_integration: MockConfigEntry, wait_until: WaitUntil
) -> None:
    await hass.services.async_call(
        DOMAIN,
        "simulate_place",
        {"config_entry_id": init_integration.entry_id, "uid": "04-a1-b2 c3-d4-e5-f6"},
        blocking=True,
    )
    await wait_until(lambda: init_integration.runtime_data.reader.present is not None)

    assert init_integration.runtime_data.reader.present.uid == "04A1B2C3D4E5F6"


@pytest.mark.parametrize(
    ("data", "translation_key", "placeholders"),
    [
        ({"uid": "not hex"}, "invalid_uid", {"uid": "not hex"}),
        ({"uid": "04A1B2"}, "invalid_uid", {"uid": "04A1B2"}),
        (
            {"uid": "DEADBEEF", "tag_type": "ntag215"},
            "uid_wrong_size",
            {"uid": "DEADBEEF", "size": "4", "tag_type": "ntag215", "sizes": "7"},
        ),
        (
            {"uid": "04A1B2C3D4E5F6", "tag_type": "classic1k"},
            "uid_wrong_size",
            {
                "uid": "04A1B2C3D4E5F6",
                "size": "7",
                "tag_type": "classic1k",
                "sizes": "4",
            },
        ),
        (
            {"uid": "DEADBEEF", "tag_type": "classic1k", "uri": "https://example.com"},
            "content_not_supported",
            {"tag_type": "classic1k"},
        ),
        (
            {"uid": "04A1B2C3D4E5F6", "tag_type": "ntag215", "text": "x" * 10_000},
            "content_too_large",
            {"size": "10015", "tag_type": "ntag215", "capacity": "496"},
        ),
    ],
)
async def test_each_problem_of_a_simulated_chip_gets_its_own_message(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    data: dict[str, str],
    translation_key: str,
    placeholders: dict[str, str],
) -> None:
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "simulate_place",
            {"config_entry_id": init_integration.entry_id, **data},
            blocking=True,
        )
    assert raised.value.translation_domain == DOMAIN
    assert raised.value.translation_key == translation_key
    assert raised.value.translation_placeholders == placeholders
    assert init_integration.runtime_data.reader.emulator.tag is None


@pytest.mark.parametrize("service", ["simulate_place", "write_tag"])
async def test_a_text_longer_than_any_chip_holds_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry, service: str
) -> None:
    with pytest.raises(probatio.Invalid, match="text"):
        await hass.services.async_call(
            DOMAIN,
            service,
            {
                "config_entry_id": init_integration.entry_id,
                "uid": "04A1B2C3D4E5F6",
                "text": "x" * 70_000,
            }
            if service == "simulate_place"
            else {"config_entry_id": init_integration.entry_id, "text": "x" * 70_000},
            blocking=True,
        )


async def test_simulating_on_a_reader_that_does_not_exist_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "simulate_place",
            {"config_entry_id": "nope", "uid": "04A1B2C3D4E5F6"},
            blocking=True,
        )
    assert raised.value.translation_key == "service_config_entry_not_found"


async def test_simulating_on_an_unloaded_reader_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await hass.config_entries.async_unload(init_integration.entry_id)
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "simulate_remove",
            {"config_entry_id": init_integration.entry_id},
            blocking=True,
        )
    assert raised.value.translation_key == "service_config_entry_not_loaded"


@pytest.mark.parametrize(
    ("service", "data"),
    [
        ("simulate_place", {"uid": "04A1B2C3D4E5F6"}),
        ("simulate_remove", {}),
    ],
)
async def test_simulating_chips_is_for_administrators_only(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    hass_read_only_user: MockUser,
    service: str,
    data: dict[str, str],
) -> None:
    chip = ntag("ntag215", bytes.fromhex("04112233445566"))
    emulator.place(chip)

    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            DOMAIN,
            service,
            {"config_entry_id": init_integration.entry_id, **data},
            blocking=True,
            context=Context(user_id=hass_read_only_user.id),
        )
    assert emulator.tag is chip


async def test_write_tag_writes_a_uri_that_the_next_placement_reads(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    reader = init_integration.runtime_data.reader
    tag = ntag("ntag213", bytes.fromhex("04A1B2C3D4E5F6"))
    emulator.place(tag)
    await wait_until(lambda: reader.present is not None)

    await hass.services.async_call(
        DOMAIN,
        "write_tag",
        {"config_entry_id": init_integration.entry_id, "uri": "https://example.com/a"},
        blocking=True,
    )

    assert reader.present is not None
    assert reader.present.ndef == ({"type": "uri", "uri": "https://example.com/a"},)
    # The chip itself holds it: lift it and place it again.
    emulator.remove()
    await wait_until(lambda: reader.present is None)
    emulator.place(tag)
    await wait_until(lambda: reader.present is not None and reader.present.complete)
    assert reader.present.ndef == ({"type": "uri", "uri": "https://example.com/a"},)


@pytest.mark.parametrize(
    ("chip", "translation_key"),
    [
        (None, "no_tag"),
        (ClassicTag(bytes.fromhex("DEADBEEF")), "tag_not_writable"),
    ],
)
async def test_write_tag_without_a_writable_tag_is_refused_clearly(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    chip: VirtualTag | None,
    translation_key: str,
) -> None:
    if chip is not None:
        emulator.place(chip)
        await wait_until(
            lambda: init_integration.runtime_data.reader.present is not None
        )

    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "write_tag",
            {"config_entry_id": init_integration.entry_id, "text": "hello"},
            blocking=True,
        )
    assert raised.value.translation_key == translation_key


async def test_write_tag_with_an_empty_uri_and_text_is_refused_and_writes_nothing(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    reader = init_integration.runtime_data.reader
    tag = ntag("ntag213", bytes.fromhex("04A1B2C3D4E5F6"))
    emulator.place(tag)
    await wait_until(lambda: reader.present is not None and reader.present.complete)
    before = bytes(tag.memory)

    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "write_tag",
            {"config_entry_id": init_integration.entry_id, "uri": "", "text": ""},
            blocking=True,
        )

    assert raised.value.translation_key == "nothing_to_write"
    assert bytes(tag.memory) == before


async def test_simulate_place_with_an_empty_uri_places_only_the_text(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    reader = init_integration.runtime_data.reader

    await hass.services.async_call(
        DOMAIN,
        "simulate_place",
        {
            "config_entry_id": init_integration.entry_id,
            "uid": "04A1B2C3D4E5F6",
            "uri": "",
            "text": "hello",
        },
        blocking=True,
    )

    await wait_until(lambda: reader.present is not None and reader.present.complete)
    assert reader.present is not None
    assert [record["type"] for record in reader.present.ndef] == ["text"]


async def test_write_tag_is_for_administrators_only(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_read_only_user: MockUser,
) -> None:
    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            DOMAIN,
            "write_tag",
            {"config_entry_id": init_integration.entry_id, "text": "hello"},
            blocking=True,
            context=Context(user_id=hass_read_only_user.id),
        )


async def test_write_tag_on_a_tag_that_just_left_says_there_is_no_tag(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    emulator.place(ntag("ntag213", bytes.fromhex("04A1B2C3D4E5F6")))
    await wait_until(lambda: init_integration.runtime_data.reader.present is not None)
    emulator.remove()  # the reader has not noticed yet

    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "write_tag",
            {"config_entry_id": init_integration.entry_id, "text": "hello"},
            blocking=True,
        )
    assert raised.value.translation_key == "no_tag"


async def test_write_tag_with_more_than_any_chip_holds_says_so(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    emulator.place(ntag("ntag216", bytes.fromhex("04A1B2C3D4E5F6")))
    await wait_until(lambda: init_integration.runtime_data.reader.present is not None)
    text = "🎵" * 20_000  # 80,000 bytes in UTF-8

    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "write_tag",
            {"config_entry_id": init_integration.entry_id, "text": text},
            blocking=True,
        )
    assert raised.value.translation_key == "message_too_large"
    assert raised.value.translation_placeholders == {
        "size": str(len(encode_message(text=text))),
        "capacity": "65534",
    }


async def test_write_tag_with_more_than_the_chip_holds_says_how_much_it_holds(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    emulator.place(ntag("ntag213", bytes.fromhex("04A1B2C3D4E5F6")))
    await wait_until(lambda: init_integration.runtime_data.reader.present is not None)

    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "write_tag",
            {"config_entry_id": init_integration.entry_id, "text": "x" * 200},
            blocking=True,
        )
    assert raised.value.translation_key == "content_too_large_for_chip"
    assert raised.value.translation_placeholders == {
        "name": "Jukebox",
        "size": "210",
        "capacity": "144",
    }
