"""The forms of the reader flow, and what they need to know of the machine and home."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import probatio
from homeassistant.components.media_player import DOMAIN as MEDIA_PLAYER_DOMAIN
from homeassistant.components.tag import TAG_DATA
from homeassistant.const import CONF_PORT, CONF_URL
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.selector import (
    DeviceFilterSelectorConfig,
    DeviceSelector,
    DeviceSelectorConfig,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
)
from serial.tools import list_ports

from .chips.forms import number_box
from .const import (
    CONF_ADDRESS,
    CONF_BAUDRATE,
    CONF_BUS,
    CONF_CHIP,
    CONF_INPUT_DEVICE,
    CONF_MEDIA_PLAYER,
    CONF_SCANNER_DEVICE,
    CONF_SPEED_HZ,
    CONF_SPI_DEVICE,
    DEFAULT_BAUDRATE,
    DEFAULT_I2C_ADDRESS,
    DEFAULT_I2C_BUS,
    DEFAULT_SPEED_HZ,
    DEFAULT_SPI_BUS,
    DEFAULT_SPI_DEVICE,
    DOMAIN,
    SCANNER_INTEGRATIONS,
    SimulatedChip,
)
from .home import reader_entries
from .readers.keyboard import InputChoice

BY_ID_DIR = Path("/dev/serial/by-id")
# GPIO UARTs of a Raspberry Pi, which no USB scan lists.
GPIO_UARTS = ("/dev/serial0", "/dev/ttyAMA0", "/dev/ttyS0")
NETWORK_SCHEMES = ("socket", "rfc2217")
# Only ASCII digits: int() also takes full-width ones and underscores.
_HEX_ADDRESS = re.compile(r"0[xX][0-9a-fA-F]{1,2}")
_DECIMAL_ADDRESS = re.compile(r"[0-9]{1,3}")


def find_serial_ports() -> list[SelectOptionDict]:
    """List serial ports, stable /dev/serial/by-id names first (blocking I/O)."""
    options: list[SelectOptionDict] = []
    seen: set[str] = set()
    if BY_ID_DIR.is_dir():
        for link in sorted(BY_ID_DIR.iterdir()):
            target = os.path.realpath(link)
            seen.add(target)
            options.append({"value": str(link), "label": f"{link.name} ({target})"})
    for port in sorted(list_ports.comports(), key=lambda port: port.device):
        if os.path.realpath(port.device) not in seen:
            seen.add(os.path.realpath(port.device))
            label = (
                f"{port.device} - {port.description}"
                if port.description
                else port.device
            )
            options.append({"value": port.device, "label": label})
    for path in GPIO_UARTS:
        if os.path.exists(path) and os.path.realpath(path) not in seen:  # noqa: PTH110
            seen.add(os.path.realpath(path))
            options.append({"value": path, "label": path})
    return options


def stable_port(port: str) -> str:
    """Return the name that identifies the physical port (blocking I/O).

    A by-id link stays the same when USB devices are re-enumerated; other paths
    (``/dev/serial0``) are resolved, so two names of one port are one reader.
    """
    real = os.path.realpath(port)
    if BY_ID_DIR.is_dir():
        for link in BY_ID_DIR.iterdir():
            if os.path.realpath(link) == real:
                return str(link)
    return real if os.path.exists(real) else port  # noqa: PTH110


def parse_address(value: str) -> int:
    """Return a typed I2C address (0x24 or 36); raise ValueError if it is not one."""
    text = value.strip()
    if _HEX_ADDRESS.fullmatch(text):
        address = int(text, 16)
    elif _DECIMAL_ADDRESS.fullmatch(text):
        address = int(text, 10)
    else:
        raise ValueError(value)
    if not 0x03 <= address <= 0x77:  # noqa: PLR2004 - valid 7-bit I2C addresses
        raise ValueError(value)
    return address


def parse_network_url(value: str) -> str:
    """Return a ser2net URL, tidied; raise ValueError if it is not one.

    It needs the scheme socket:// or rfc2217://, a host (IPv6 in closed brackets)
    and a port from 1 to 65535.
    """
    url = value.strip()
    parts = urlsplit(url)  # raises ValueError for "socket://[::1"
    if (
        parts.scheme not in NETWORK_SCHEMES
        or not parts.hostname
        or not parts.port  # raises ValueError for 99999 and "socket://host:x"
    ):
        raise ValueError(value)
    return url


def likely_speaker(hass: HomeAssistant) -> str | None:
    """Return the speaker a new reader most likely wants, if one is clear.

    The speaker of a reader the home has, else the only speaker there is.
    """
    for entry in reader_entries(hass):
        if speaker := entry.options.get(CONF_MEDIA_PLAYER):
            return str(speaker)
    speakers = hass.states.async_entity_ids(MEDIA_PLAYER_DOMAIN)
    return speakers[0] if len(speakers) == 1 else None


# Forms --------------------------------------------------------------------------------


def serial_schema(ports: list[SelectOptionDict]) -> probatio.Schema:
    """Return the form of a reader on a serial port, offering ``ports``."""
    return probatio.Schema(
        {
            probatio.Required(CONF_PORT): SelectSelector(
                SelectSelectorConfig(
                    options=ports, custom_value=True, mode=SelectSelectorMode.DROPDOWN
                )
            ),
            probatio.Required(CONF_BAUDRATE, default=DEFAULT_BAUDRATE): number_box(
                1200, 1_000_000
            ),
        }
    )


def i2c_schema() -> probatio.Schema:
    """Return the form of a reader on an I2C bus."""
    return probatio.Schema(
        {
            probatio.Required(CONF_BUS, default=DEFAULT_I2C_BUS): number_box(0, 99),
            probatio.Required(
                CONF_ADDRESS, default=f"0x{DEFAULT_I2C_ADDRESS:02x}"
            ): TextSelector(),
        }
    )


def spi_schema() -> probatio.Schema:
    """Return the form of a reader on an SPI bus."""
    return probatio.Schema(
        {
            probatio.Required(CONF_BUS, default=DEFAULT_SPI_BUS): number_box(0, 99),
            probatio.Required(CONF_SPI_DEVICE, default=DEFAULT_SPI_DEVICE): number_box(
                0, 99
            ),
            probatio.Required(CONF_SPEED_HZ, default=DEFAULT_SPEED_HZ): number_box(
                10_000, 5_000_000, 1000
            ),
        }
    )


def simulated_schema() -> probatio.Schema:
    """Return the form of a simulated reader: which chip it emulates."""
    return probatio.Schema(
        {
            probatio.Optional(CONF_CHIP, default=SimulatedChip.PN532): SelectSelector(
                SelectSelectorConfig(
                    options=list(SimulatedChip),
                    translation_key="simulated_chip",
                    mode=SelectSelectorMode.LIST,
                )
            )
        }
    )


def network_schema() -> probatio.Schema:
    """Return the form of a reader behind ser2net."""
    return probatio.Schema({probatio.Required(CONF_URL): TextSelector()})


def keyboard_schema(choices: list[InputChoice]) -> probatio.Schema:
    """Return the form of a USB reader that types: one of ``choices``, or a path."""
    options = [
        SelectOptionDict(value=choice.path, label=choice.label) for choice in choices
    ]
    return probatio.Schema(
        {
            probatio.Required(CONF_INPUT_DEVICE): SelectSelector(
                SelectSelectorConfig(
                    options=options, custom_value=True, mode=SelectSelectorMode.DROPDOWN
                )
            )
        }
    )


def scanner_schema(integrations: set[str]) -> probatio.Schema:
    """Return the form of a scanner: a device of one of ``integrations``."""
    return probatio.Schema(
        {
            probatio.Required(CONF_SCANNER_DEVICE): DeviceSelector(
                DeviceSelectorConfig(
                    filter=[
                        DeviceFilterSelectorConfig(integration=domain)
                        for domain in sorted(integrations)
                    ]
                )
            )
        }
    )


# Scanners -----------------------------------------------------------------------------


def scanner_integrations(hass: HomeAssistant) -> set[str]:
    """Return the integrations whose devices scan tags, but this one.

    ESPHome's and the companion app's can; any other once one of its devices
    scanned a tag (Settings → Tags remembers the last device of each tag).
    """
    integrations = set(SCANNER_INTEGRATIONS)
    devices = dr.async_get(hass)
    for tag in hass.data[TAG_DATA].async_items():
        if (device_id := tag.get("device_id")) and (
            device := devices.async_get(device_id)
        ):
            integrations.add(device_integration(hass, device) or DOMAIN)
    integrations.discard(DOMAIN)
    return integrations


def scanners(hass: HomeAssistant, integrations: set[str]) -> list[dr.DeviceEntry]:
    """Return the devices of ``integrations`` that may become readers."""
    return [
        device
        for device in dr.async_get(hass).devices
        if device_integration(hass, device) in integrations
    ]


def device_integration(hass: HomeAssistant, device: dr.AnyDeviceEntry) -> str | None:
    """Return the integration that made ``device``."""
    if not isinstance(device, dr.DeviceEntry):
        return None  # a part of another device: that device scans
    entry = hass.config_entries.async_get_entry(device.config_entry_id)
    return entry.domain if entry else None
