"""An RC522 reader in Home Assistant: set up, added, simulated, lost and found again."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.const import STATE_OFF, STATE_ON, STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import device_registry as dr
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.const import (
    CONF_BUS,
    CONF_CHIP,
    CONF_CONNECTION,
    CONF_MEDIA_PLAYER,
    CONF_SPEED_HZ,
    CONF_SPI_DEVICE,
    DOMAIN,
    Connection,
)
from custom_components.nfc_jukebox.pn532 import encode_message
from custom_components.nfc_jukebox.pn532.emulator import ntag
from custom_components.nfc_jukebox.pn532.spi import SpidevLink, SpiLink
from custom_components.nfc_jukebox.rc522 import connection as connection_module
from custom_components.nfc_jukebox.rc522.bus import spi_bus
from custom_components.nfc_jukebox.rc522.emulator import Mfrc522Emulator, ThreadedLink
from custom_components.nfc_jukebox.readers.pn532 import Reader
from tests.conftest import KIDS_SPEAKER

PRESENT = "binary_sensor.kids_room_chip_present"
UID = "04A1B2C3D4E5F6"
SPI = {CONF_BUS: 0, CONF_SPI_DEVICE: 0, CONF_SPEED_HZ: 1_000_000}

type WaitUntil = Callable[..., Awaitable[None]]


@pytest.fixture
async def board(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Mfrc522Emulator]:
    """Put an emulated MFRC522 on fake SPI bus 0, chip select 0 (only spidev is fake)."""
    chip = Mfrc522Emulator(seed=5)

    def open_link(bus: int, device: int, speed_hz: int) -> SpiLink:
        if (bus, device) != (0, 0):
            return SpidevLink(bus, device, speed_hz)  # no such device here
        return ThreadedLink(chip)

    monkeypatch.setattr(
        connection_module, "spi_bus", functools.partial(spi_bus, open_link=open_link)
    )
    yield chip
    await chip.aclose()


def _rc522_entry(**data: object) -> MockConfigEntry:
    return MockConfigEntry(
        domain=DOMAIN,
        title="Kids room",
        unique_id="spi:0.0",
        version=2,
        minor_version=3,
        data={CONF_CONNECTION: Connection.RC522, **SPI, **data},
        options={CONF_MEDIA_PLAYER: KIDS_SPEAKER},
    )


async def _menu(hass: HomeAssistant, step: str) -> str:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": step}
    )
    assert result["step_id"] == step
    return result["flow_id"]


async def test_an_rc522_is_added_after_it_answered(
    hass: HomeAssistant, board: Mfrc522Emulator
) -> None:
    flow_id = await _menu(hass, "rc522")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_MEDIA_PLAYER: KIDS_SPEAKER, **SPI}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "RC522 SPI 0.0"
    assert result["data"] == {CONF_CONNECTION: "rc522", **SPI}
    assert result["result"].unique_id == "spi:0.0"


@pytest.mark.parametrize(
    ("where", "version", "unplugged", "error"),
    [
        ({CONF_BUS: 9}, 0x92, False, "port_not_found"),
        ({}, 0x55, False, "not_rc522"),
        ({}, 0x92, True, "no_answer"),
    ],
)
async def test_an_rc522_that_does_not_answer_gets_a_field_error(
    hass: HomeAssistant,
    board: Mfrc522Emulator,
    where: dict[str, int],
    version: int,
    unplugged: bool,  # noqa: FBT001
    error: str,
) -> None:
    board.version = version
    if unplugged:
        board.unplug()
    flow_id = await _menu(hass, "rc522")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_MEDIA_PLAYER: KIDS_SPEAKER, **SPI, **where}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_BUS: error}


async def test_an_rc522_on_the_chip_select_of_a_pn532_is_refused(
    hass: HomeAssistant, board: Mfrc522Emulator
) -> None:
    MockConfigEntry(
        domain=DOMAIN,
        unique_id="spi:0.0",
        data={CONF_CONNECTION: Connection.SPI, **SPI},
        version=2,
        minor_version=3,
    ).add_to_hass(hass)
    flow_id = await _menu(hass, "rc522")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_MEDIA_PLAYER: KIDS_SPEAKER, **SPI}
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_a_chip_on_an_rc522_is_present_until_lifted(
    hass: HomeAssistant, board: Mfrc522Emulator, wait_until: WaitUntil
) -> None:
    entry = _rc522_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, entry.entry_id), entry.entry_id
    )
    assert device is not None
    assert (device.model, device.sw_version) == ("MFRC522", "2.0")

    board.place(ntag("ntag215", bytes.fromhex(UID), encode_message(uri="x:y")))
    await wait_until(lambda: hass.states.is_state(PRESENT, STATE_ON))
    reader = entry.runtime_data.reader
    assert isinstance(reader, Reader)
    await wait_until(lambda: reader.present is not None and reader.present.complete)
    assert reader.present is not None
    assert reader.present.ndef == ({"type": "uri", "uri": "x:y"},)
    board.remove()
    await wait_until(lambda: hass.states.is_state(PRESENT, STATE_OFF))
    await hass.config_entries.async_unload(entry.entry_id)


async def test_an_unwired_rc522_is_unavailable_until_wired_again(
    hass: HomeAssistant, board: Mfrc522Emulator, wait_until: WaitUntil
) -> None:
    entry = _rc522_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    board.unplug()
    await wait_until(lambda: hass.states.is_state(PRESENT, STATE_UNAVAILABLE))
    board.replug()
    await wait_until(lambda: hass.states.is_state(PRESENT, STATE_OFF), timeout=10)
    assert entry.state is ConfigEntryState.LOADED
    await hass.config_entries.async_unload(entry.entry_id)


async def test_a_simulated_rc522_reader_plays_the_simulated_chips(
    hass: HomeAssistant, wait_until: WaitUntil
) -> None:
    flow_id = await _menu(hass, "simulated")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_CHIP: "rc522"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"] == {CONF_CONNECTION: "simulated", CONF_CHIP: "rc522"}
    entry = result["result"]
    await hass.async_block_till_done()
    assert isinstance(entry.runtime_data.reader.emulator, Mfrc522Emulator)

    data = {"config_entry_id": entry.entry_id}
    await hass.services.async_call(
        DOMAIN, "simulate_place", {**data, "uid": UID}, blocking=True
    )
    present = "binary_sensor.simulated_reader_chip_present"
    await wait_until(lambda: hass.states.is_state(present, STATE_ON))
    await hass.services.async_call(DOMAIN, "simulate_remove", data, blocking=True)
    await wait_until(lambda: hass.states.is_state(present, STATE_OFF))
    await hass.config_entries.async_unload(entry.entry_id)


async def test_reconfiguring_an_rc522_moves_it_to_another_chip_select(
    hass: HomeAssistant, board: Mfrc522Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = _rc522_entry(**{CONF_SPI_DEVICE: 1})
    entry.add_to_hass(hass)
    result = await entry.start_reconfigure_flow(hass)
    assert result["step_id"] == "rc522"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], SPI)

    assert result["reason"] == "reconfigure_successful"
    assert entry.data[CONF_SPI_DEVICE] == 0
    assert entry.unique_id == "spi:0.0"
