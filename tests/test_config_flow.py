"""Adding, reconfiguring and tuning readers through the UI flows."""

from __future__ import annotations

import asyncio
import functools
import json
import os
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from homeassistant.config_entries import SOURCE_USER
from homeassistant.const import CONF_PORT, CONF_URL
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox import config_flow, reader_forms
from custom_components.nfc_jukebox.const import (
    CONF_ADDRESS,
    CONF_BAUDRATE,
    CONF_BUS,
    CONF_CONNECTION,
    CONF_MAX_VOLUME,
    CONF_MEDIA_PLAYER,
    CONF_ON_REMOVE,
    CONF_RESUME_WINDOW,
    CONF_SPEED_HZ,
    CONF_SPI_DEVICE,
    DOMAIN,
)
from custom_components.nfc_jukebox.pn532 import connection as connection_module
from custom_components.nfc_jukebox.pn532.emulator import (
    FakeI2cBus,
    FakeSpiLink,
    Pn532Emulator,
    PtyLink,
)
from custom_components.nfc_jukebox.pn532.emulator.core import HostLink
from custom_components.nfc_jukebox.pn532.i2c import i2c_transport
from custom_components.nfc_jukebox.pn532.spi import spi_transport

from .conftest import (
    KIDS_SPEAKER,
    chatty_port,
    denied_port,
    serial_entry,
    silent_port,
)

#: what a new reader's form asks for besides its connection: its speaker
INTEGRATION = Path(__file__).parent.parent / "custom_components" / "nfc_jukebox"
SPEAKER = {CONF_MEDIA_PLAYER: KIDS_SPEAKER}


async def _choose(hass: HomeAssistant, connection: str) -> str:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.MENU
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": connection}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == connection
    return result["flow_id"]


async def test_the_first_step_offers_every_way_to_connect(hass: HomeAssistant) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )

    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == [
        "serial",
        "i2c",
        "spi",
        "rc522",
        "network",
        "scanner",
        "keyboard",
        "simulated",
    ]


async def test_a_simulated_reader_needs_no_hardware(hass: HomeAssistant) -> None:
    flow_id = await _choose(hass, "simulated")
    result = await hass.config_entries.flow.async_configure(flow_id, {})

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Simulated reader"
    assert result["data"] == {CONF_CONNECTION: "simulated"}


@pytest.mark.parametrize("language", ["en", "de", "nl"])
def test_the_simulated_step_says_where_to_place_a_virtual_chip(language: str) -> None:
    translations = json.loads(
        (INTEGRATION / "translations" / f"{language}.json").read_text(encoding="utf-8")
    )
    services = translations["services"]
    description = translations["config"]["step"]["simulated"]["description"]

    # the action's name as Developer tools → Actions lists it, not only its id
    assert f"**{services['simulate_place']['name']}**" in description
    assert f"**{services['simulate_remove']['name']}**" in description


async def test_several_simulated_readers_can_be_added(hass: HomeAssistant) -> None:
    for _ in range(2):
        flow_id = await _choose(hass, "simulated")
        result = await hass.config_entries.flow.async_configure(flow_id, {})
        assert result["type"] is FlowResultType.CREATE_ENTRY

    entries = hass.config_entries.async_entries(DOMAIN)
    assert len({entry.unique_id for entry in entries}) == 2


async def test_the_simulated_step_asks_only_for_its_chip_and_an_optional_speaker(
    hass: HomeAssistant,
) -> None:
    # Users rename the entry; HA core refuses name fields in config flows.
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "simulated"}
    )

    assert result["data_schema"] is not None
    assert [(str(key), type(key).__name__) for key in result["data_schema"].schema] == [
        ("chip", "Optional"),
        (CONF_MEDIA_PLAYER, "Optional"),
    ]


async def test_reconfiguring_a_simulated_reader_keeps_its_identity(
    hass: HomeAssistant,
) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Kids room",
        unique_id="simulated:kids_room",
        version=2,
        minor_version=2,
        data={CONF_CONNECTION: "simulated"},
    )
    entry.add_to_hass(hass)
    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    await hass.async_block_till_done()

    assert result["reason"] == "reconfigure_successful"
    assert (entry.title, entry.unique_id) == ("Kids room", "simulated:kids_room")
    await hass.config_entries.async_unload(entry.entry_id)


async def test_a_serial_reader_is_added_after_it_answered(
    hass: HomeAssistant, pty_reader: tuple[Pn532Emulator, str]
) -> None:
    emulator, port = pty_reader
    flow_id = await _choose(hass, "serial")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_PORT: port, CONF_BAUDRATE: 115200}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == f"PN532 {port}"
    assert result["data"] == {
        CONF_CONNECTION: "serial",
        CONF_PORT: port,
        CONF_BAUDRATE: 115200,
    }
    assert result["result"].unique_id == os.path.realpath(port)
    assert any(command[0] == 0x02 for command in emulator.history)  # firmware read


@pytest.fixture(params=["no_answer", "not_pn532", "permission_denied"])
async def port_that_is_no_reader(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[str, str]]:
    """Give a serial port that fails in a way the form explains, and that error."""
    error: str = request.param
    ports: dict[str, Callable[[], AbstractContextManager[str]]] = {
        "no_answer": silent_port,
        "not_pn532": chatty_port,
        "permission_denied": lambda: denied_port(tmp_path),
    }
    with ports[error]() as port:
        yield port, error


async def test_a_serial_port_that_is_no_reader_gets_a_field_error(
    hass: HomeAssistant, port_that_is_no_reader: tuple[str, str]
) -> None:
    port, error = port_that_is_no_reader
    flow_id = await _choose(hass, "serial")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_PORT: port, CONF_BAUDRATE: 115200}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_PORT: error}


async def test_a_missing_serial_port_gets_a_field_error_and_the_form_keeps_the_input(
    hass: HomeAssistant, pty_reader: tuple[Pn532Emulator, str]
) -> None:
    flow_id = await _choose(hass, "serial")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_PORT: "/dev/ttyNOPE", CONF_BAUDRATE: 115200}
    )

    assert result["errors"] == {CONF_PORT: "port_not_found"}
    # Correcting the port then works: nothing was lost.
    _, port = pty_reader
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_PORT: port, CONF_BAUDRATE: 115200}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_the_same_serial_port_cannot_be_added_twice(
    hass: HomeAssistant, pty_reader: tuple[Pn532Emulator, str]
) -> None:
    _, port = pty_reader
    serial_entry(port, unique_id=os.path.realpath(port)).add_to_hass(hass)
    flow_id = await _choose(hass, "serial")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_PORT: port, CONF_BAUDRATE: 115200}
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


@pytest.fixture
def fake_buses(
    monkeypatch: pytest.MonkeyPatch, pty_reader: tuple[Pn532Emulator, str]
) -> Pn532Emulator:
    """Put the emulated PN532 on fake I2C bus 1 and fake SPI bus 0.0.

    Only the kernel ioctl is replaced; the driver's I2C and SPI code runs.
    """
    emulator, _ = pty_reader

    def open_i2c(bus: int) -> FakeI2cBus:
        if bus != 1:
            raise FileNotFoundError(bus)
        return FakeI2cBus(emulator)

    monkeypatch.setattr(
        connection_module,
        "i2c_transport",
        functools.partial(i2c_transport, open_bus=open_i2c),
    )
    monkeypatch.setattr(
        connection_module,
        "spi_transport",
        functools.partial(spi_transport, open_link=lambda *_: FakeSpiLink(emulator)),
    )
    return emulator


async def test_an_i2c_reader_is_added_after_it_answered(
    hass: HomeAssistant, fake_buses: Pn532Emulator
) -> None:
    flow_id = await _choose(hass, "i2c")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_BUS: 1, CONF_ADDRESS: "0x24"}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"] == {CONF_CONNECTION: "i2c", CONF_BUS: 1, CONF_ADDRESS: 0x24}
    assert result["result"].unique_id == "i2c:1:0x24"


async def test_an_i2c_address_must_be_a_7_bit_address(hass: HomeAssistant) -> None:
    flow_id = await _choose(hass, "i2c")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_BUS: 1, CONF_ADDRESS: "0x99"}
    )

    assert result["errors"] == {CONF_ADDRESS: "invalid_address"}


async def test_a_missing_i2c_bus_gets_a_field_error(hass: HomeAssistant) -> None:
    flow_id = await _choose(hass, "i2c")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_BUS: 97, CONF_ADDRESS: "0x24"}
    )

    assert result["errors"] == {CONF_BUS: "port_not_found"}


async def test_an_spi_reader_is_added_after_it_answered(
    hass: HomeAssistant, fake_buses: Pn532Emulator
) -> None:
    flow_id = await _choose(hass, "spi")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_BUS: 0, CONF_SPI_DEVICE: 1, CONF_SPEED_HZ: 1_000_000}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "PN532 SPI 0.1"
    assert result["result"].unique_id == "spi:0.1"


async def test_a_missing_spi_device_gets_a_field_error(hass: HomeAssistant) -> None:
    flow_id = await _choose(hass, "spi")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_BUS: 9, CONF_SPI_DEVICE: 9, CONF_SPEED_HZ: 1_000_000}
    )

    assert result["errors"] == {CONF_BUS: "port_not_found"}


class _SocketLink(asyncio.Protocol):
    """Serve an emulated PN532 on a TCP connection, as ser2net would."""

    def __init__(self, emulator: Pn532Emulator) -> None:
        self.emulator = emulator
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        link: HostLink = self
        self.emulator.attach(link)

    def data_received(self, data: bytes) -> None:
        self.emulator.from_host(data)

    def connection_lost(self, exc: Exception | None) -> None:
        self.emulator.detach(self)

    def to_host(self, data: bytes) -> None:
        assert self.transport is not None
        self.transport.write(data)

    def plug_changed(self, *, plugged: bool) -> None:
        if not plugged and self.transport is not None:
            self.transport.close()


@pytest.fixture
async def ser2net(
    pty_reader: tuple[Pn532Emulator, str], socket_enabled: None
) -> AsyncIterator[str]:
    """Return a socket:// URL of an emulated PN532 shared on loopback."""
    emulator, _ = pty_reader
    server = await asyncio.get_running_loop().create_server(
        lambda: _SocketLink(emulator), "127.0.0.1", 0
    )
    port = server.sockets[0].getsockname()[1]
    yield f"socket://127.0.0.1:{port}"
    server.close()
    server.close_clients()
    await server.wait_closed()


async def test_a_reader_behind_ser2net_is_added_by_url(
    hass: HomeAssistant, ser2net: str
) -> None:
    flow_id = await _choose(hass, "network")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_URL: ser2net}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"] == {CONF_CONNECTION: "network", CONF_URL: ser2net}
    assert result["result"].unique_id == ser2net


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("http://192.0.2.1:7000", "invalid_url"),
        ("socket://[::1", "invalid_url"),
        ("socket://", "invalid_url"),
        ("socket://127.0.0.1", "invalid_url"),
        ("socket://127.0.0.1:0", "invalid_url"),
        ("socket://127.0.0.1:99999", "invalid_url"),
        ("rfc2217://127.0.0.1:port", "invalid_url"),
        ("socket://127.0.0.1:1", "port_not_found"),
    ],
)
async def test_a_bad_network_url_gets_a_field_error(
    hass: HomeAssistant, socket_enabled: None, url: str, error: str
) -> None:
    flow_id = await _choose(hass, "network")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_URL: url}
    )

    assert result["errors"] == {CONF_URL: error}


async def test_a_url_with_an_open_ipv6_bracket_logs_no_traceback(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    flow_id = await _choose(hass, "network")
    await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_URL: "socket://[::1"}
    )

    assert "Traceback" not in caplog.text
    assert "Invalid IPv6 URL" not in caplog.text


@pytest.mark.parametrize(
    ("connection", "user_input", "field"),
    [
        ("serial", {CONF_PORT: "/dev/ttyNOPE", CONF_BAUDRATE: 1200.5}, CONF_BAUDRATE),
        ("i2c", {CONF_BUS: 1.5, CONF_ADDRESS: "0x24"}, CONF_BUS),
        (
            "spi",
            {CONF_BUS: 0, CONF_SPI_DEVICE: 0.5, CONF_SPEED_HZ: 1_000_000},
            CONF_SPI_DEVICE,
        ),
    ],
)
async def test_a_number_that_is_not_whole_is_refused_not_cut(
    hass: HomeAssistant, connection: str, user_input: dict[str, object], field: str
) -> None:
    flow_id = await _choose(hass, connection)
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, **user_input}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {field: "not_whole_number"}


@pytest.mark.parametrize(
    "address",
    ["\uff10x\uff12\uff14", "\uff13\uff16", "0x2_4", "0x", "abc"],  # full-width digits
)
async def test_an_i2c_address_takes_only_ascii_hex_or_decimal(
    hass: HomeAssistant, address: str
) -> None:
    flow_id = await _choose(hass, "i2c")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_BUS: 1, CONF_ADDRESS: address}
    )

    assert result["errors"] == {CONF_ADDRESS: "invalid_address"}


async def test_an_i2c_address_may_be_decimal(
    hass: HomeAssistant, fake_buses: Pn532Emulator
) -> None:
    flow_id = await _choose(hass, "i2c")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_BUS: 1, CONF_ADDRESS: "36"}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"][CONF_ADDRESS] == 0x24


async def test_reconfigure_moves_a_reader_to_another_port(
    hass: HomeAssistant, pty_reader: tuple[Pn532Emulator, str]
) -> None:
    _, port = pty_reader
    entry = serial_entry("/dev/ttyOLD", title="PN532 /dev/ttyOLD")
    entry.add_to_hass(hass)
    result = await entry.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "serial"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PORT: port, CONF_BAUDRATE: 115200}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert entry.data[CONF_PORT] == port
    assert entry.unique_id == os.path.realpath(port)
    await hass.config_entries.async_unload(entry.entry_id)


async def test_moving_a_reader_to_another_port_keeps_its_name_device_and_entities(
    hass: HomeAssistant,
    pty_reader: tuple[Pn532Emulator, str],
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    _, old_port = pty_reader
    entry = serial_entry(old_port, title="Kids room")
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    [device] = dr.async_entries_for_config_entry(device_registry, entry.entry_id)
    entities = er.async_entries_for_config_entry(entity_registry, entry.entry_id)
    entity_ids = sorted(entity.entity_id for entity in entities)
    assert "event.kids_room_chip" in entity_ids

    new_emulator = Pn532Emulator()
    link = PtyLink(new_emulator)
    new_port = link.open()
    assert new_port is not None
    try:
        result = await entry.start_reconfigure_flow(hass)
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {CONF_PORT: new_port, CONF_BAUDRATE: 115200}
        )
        await hass.async_block_till_done()

        assert result["reason"] == "reconfigure_successful"
        assert entry.data[CONF_PORT] == new_port
        assert entry.title == "Kids room"
        assert dr.async_entries_for_config_entry(device_registry, entry.entry_id) == [
            device_registry.async_get(device.id)
        ]
        moved = er.async_entries_for_config_entry(entity_registry, entry.entry_id)
        assert sorted(entity.entity_id for entity in moved) == entity_ids
        assert {entity.device_id for entity in moved} == {device.id}
        state = hass.states.get("event.kids_room_chip")
        assert state is not None
        assert state.state != "unavailable"
    finally:
        await hass.config_entries.async_unload(entry.entry_id)
        link.close()
        await new_emulator.aclose()


async def test_reconfigure_refuses_a_port_another_reader_uses(
    hass: HomeAssistant, pty_reader: tuple[Pn532Emulator, str]
) -> None:
    _, port = pty_reader
    serial_entry(port, unique_id=os.path.realpath(port)).add_to_hass(hass)
    entry = serial_entry("/dev/ttyOLD")
    entry.add_to_hass(hass)
    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PORT: port, CONF_BAUDRATE: 115200}
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert entry.data[CONF_PORT] == "/dev/ttyOLD"


async def test_reconfigure_shows_the_current_i2c_address(hass: HomeAssistant) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN,
        version=2,
        minor_version=2,
        unique_id="i2c:1:0x24",
        data={CONF_CONNECTION: "i2c", CONF_BUS: 3, CONF_ADDRESS: 0x24},
    )
    entry.add_to_hass(hass)
    result = await entry.start_reconfigure_flow(hass)

    assert result["step_id"] == "i2c"
    suggested = {
        str(key): key.description["suggested_value"]
        for key in result["data_schema"].schema
    }
    assert suggested == {CONF_BUS: 3, CONF_ADDRESS: "0x24"}


async def test_options_set_how_the_reader_behaves(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    assert result["type"] is FlowResultType.FORM

    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            CONF_ON_REMOVE: "stop",
            CONF_RESUME_WINDOW: 10,
            CONF_MEDIA_PLAYER: "media_player.kitchen",
            "house_rules": {},
            "volume_range": {CONF_MAX_VOLUME: 60},
        },
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options == {
        CONF_ON_REMOVE: "stop",
        CONF_RESUME_WINDOW: 10,
        CONF_MEDIA_PLAYER: "media_player.kitchen",
        # The house rules, as they are unless a parent sets them:
        "jukebox_on": True,
        "quiet_hours_start": "keep_playing",
        "daily_limit": 0,
        "feedback_sounds": False,
        "min_volume": 0,
        CONF_MAX_VOLUME: 60,
        "fade_out": 10,
    }


async def test_the_port_list_offers_stable_by_id_names_first_and_gpio_uarts(
    hass: HomeAssistant,
    pty_reader: tuple[Pn532Emulator, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, port = pty_reader
    by_id = tmp_path / "by-id"
    by_id.mkdir()
    (by_id / "usb-1a86_USB_Serial-if00-port0").symlink_to(port)
    gpio_uart = tmp_path / "serial0"
    gpio_uart.touch()
    monkeypatch.setattr(reader_forms, "BY_ID_DIR", by_id)
    monkeypatch.setattr(reader_forms, "GPIO_UARTS", (str(gpio_uart), "/dev/nothing"))

    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "serial"}
    )
    schema = result["data_schema"]
    assert schema is not None
    options = schema.schema[CONF_PORT].config["options"]

    assert options[0] == {
        "value": str(by_id / "usb-1a86_USB_Serial-if00-port0"),
        "label": f"usb-1a86_USB_Serial-if00-port0 ({port})",
    }
    assert {"value": str(gpio_uart), "label": str(gpio_uart)} in options
    assert all(option["value"] != port for option in options)  # listed once, by id

    # Chosen by its plain name, the reader is still known by its stable one.
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**SPEAKER, CONF_PORT: port, CONF_BAUDRATE: 115200}
    )
    assert result["result"].unique_id == str(by_id / "usb-1a86_USB_Serial-if00-port0")


async def test_an_unexpected_error_while_testing_shows_unknown(
    hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(config_flow, "chip_from_entry_data", broken)
    flow_id = await _choose(hass, "network")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_URL: "socket://127.0.0.1:9"}
    )

    assert result["errors"] == {"base": "unknown"}


async def test_a_network_reader_that_hangs_up_gets_cannot_connect(
    hass: HomeAssistant, socket_enabled: None
) -> None:
    def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    server = await asyncio.start_server(hang_up, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    flow_id = await _choose(hass, "network")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {**SPEAKER, CONF_URL: f"socket://127.0.0.1:{port}"}
    )
    server.close()
    await server.wait_closed()

    assert result["errors"] == {CONF_URL: "cannot_connect"}
