"""Config flow: add a reader (serial, I2C, SPI, network, simulated), reconfigure, options."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, override
from urllib.parse import urlsplit
from uuid import uuid4

import probatio
from homeassistant.components.media_player import DOMAIN as MEDIA_PLAYER_DOMAIN
from homeassistant.components.tag import TAG_DATA
from homeassistant.config_entries import (
    SOURCE_RECONFIGURE,
    ConfigEntry,
    ConfigEntryState,
    ConfigFlow,
    ConfigFlowResult,
    ConfigSubentryFlow,
    OptionsFlow,
    SubentryFlowResult,
)
from homeassistant.const import CONF_PORT, CONF_URL
from homeassistant.core import HomeAssistant, callback
from homeassistant.data_entry_flow import SectionConfig, section
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.selector import (
    BooleanSelector,
    DeviceFilterSelectorConfig,
    DeviceSelector,
    DeviceSelectorConfig,
    EntitySelector,
    EntitySelectorConfig,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
)
from serial.tools import list_ports

from .const import (
    CONF_ADDRESS,
    CONF_BAUDRATE,
    CONF_BUS,
    CONF_CONNECTION,
    CONF_DAILY_LIMIT,
    CONF_FADE_OUT,
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
    CONF_SCANNER_DEVICE,
    CONF_SPEED_HZ,
    CONF_SPI_DEVICE,
    CONF_UID,
    DEFAULT_BAUDRATE,
    DEFAULT_DAILY_LIMIT,
    DEFAULT_FADE_OUT,
    DEFAULT_I2C_ADDRESS,
    DEFAULT_I2C_BUS,
    DEFAULT_MAX_VOLUME,
    DEFAULT_MIN_VOLUME,
    DEFAULT_ON_REMOVE,
    DEFAULT_RESUME_WINDOW,
    DEFAULT_SIMULATED_NAME,
    DEFAULT_SPEED_HZ,
    DEFAULT_SPI_BUS,
    DEFAULT_SPI_DEVICE,
    DOMAIN,
    LOGGER,
    MAX_DAILY_LIMIT,
    MAX_FADE_OUT,
    SCANNER_INTEGRATIONS,
    SECTION_HOUSE_RULES,
    SECTION_VOLUME,
    SUBENTRY_CONTROL,
    SUBENTRY_TAG,
    Connection,
    OnRemove,
    QuietHoursStart,
)
from .folders import Folder
from .mappings import (
    CONF_FOLDER,
    Chip,
    InvalidChip,
    TagMapping,
    as_whole_number,
    async_folders_to_pick,
    async_name_tag,
    chip_from_input,
    chip_with_folder,
    control_chip_schema,
    find_chip_subentry,
    folder_form,
    form_values,
    home_readers,
    music_chip_form,
    normalise_uid,
)
from .pn532 import (
    NotAPn532,
    Pn532,
    Pn532Error,
    ReaderNotFound,
    ReaderPermissionDenied,
    ReaderTimeout,
)
from .reader import connection_from_entry_data
from .repairs import async_delete_new_chip_issues
from .rules import floor_above_ceiling

BY_ID_DIR = Path("/dev/serial/by-id")
# GPIO UARTs of a Raspberry Pi, which no USB scan lists.
GPIO_UARTS = ("/dev/serial0", "/dev/ttyAMA0", "/dev/ttyS0")
NETWORK_SCHEMES = ("socket", "rfc2217")
# Only ASCII digits: int() also takes full-width ones and underscores.
_HEX_ADDRESS = re.compile(r"0[xX][0-9a-fA-F]{1,2}")
_DECIMAL_ADDRESS = re.compile(r"[0-9]{1,3}")
CONNECT_ERRORS: tuple[tuple[type[Pn532Error], str], ...] = (
    (ReaderPermissionDenied, "permission_denied"),
    (ReaderNotFound, "port_not_found"),
    (ReaderTimeout, "no_answer"),
    (NotAPn532, "not_pn532"),
)


def _number(minimum: int, maximum: int, step: int = 1) -> NumberSelector:
    return NumberSelector(
        NumberSelectorConfig(
            min=minimum, max=maximum, step=step, mode=NumberSelectorMode.BOX
        )
    )


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


def _parse_address(value: str) -> int:
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


def _whole_numbers(
    user_input: Mapping[str, Any], *fields: str
) -> tuple[dict[str, int], dict[str, str]]:
    """Return the number fields as ints, and an error for each that is not whole."""
    numbers: dict[str, int] = {}
    errors: dict[str, str] = {}
    for field in fields:
        try:
            numbers[field] = as_whole_number(user_input[field])
        except ValueError:
            errors[field] = "not_whole_number"
    return numbers, errors


def likely_speaker(hass: HomeAssistant) -> str | None:
    """Return the speaker a new reader most likely wants, if one is clear.

    The speaker of a reader the home has, else the only speaker there is.
    """
    for entry in hass.config_entries.async_entries(DOMAIN):
        if speaker := entry.options.get(CONF_MEDIA_PLAYER):
            return str(speaker)
    speakers = hass.states.async_entity_ids(MEDIA_PLAYER_DOMAIN)
    return speakers[0] if len(speakers) == 1 else None


class NfcJukeboxConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add a PN532 reader."""

    VERSION = 2
    #: 2: chips belong to the home, readers have a speaker (see async_migrate_entry)
    MINOR_VERSION = 2

    @staticmethod
    @callback
    @override
    def async_get_options_flow(config_entry: ConfigEntry) -> NfcJukeboxOptionsFlow:
        return NfcJukeboxOptionsFlow()

    @classmethod
    @callback
    @override
    def async_get_supported_subentry_types(
        cls, config_entry: ConfigEntry
    ) -> dict[str, type[ConfigSubentryFlow]]:
        return {SUBENTRY_TAG: TagMappingFlow, SUBENTRY_CONTROL: ControlChipFlow}

    @override
    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask how the reader is connected."""
        return self.async_show_menu(step_id="user", menu_options=list(Connection))

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change how an existing reader is connected."""
        step = {
            Connection.SERIAL: self.async_step_serial,
            Connection.I2C: self.async_step_i2c,
            Connection.SPI: self.async_step_spi,
            Connection.NETWORK: self.async_step_network,
            Connection.SIMULATED: self.async_step_simulated,
            Connection.SCANNER: self.async_step_scanner,
        }[self._get_reconfigure_entry().data[CONF_CONNECTION]]
        return await step()

    async def async_step_serial(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up a reader on a serial port (GPIO UART or USB adapter)."""
        errors: dict[str, str] = {}
        if user_input is not None:
            numbers, errors = _whole_numbers(user_input, CONF_BAUDRATE)
            if not errors:
                port = user_input[CONF_PORT]
                data = {CONF_CONNECTION: Connection.SERIAL, CONF_PORT: port, **numbers}
                unique_id = await self.hass.async_add_executor_job(stable_port, port)
                errors = await self._async_try_connect(data, CONF_PORT)
                if not errors:
                    return await self._async_finish(
                        unique_id, f"PN532 {port}", data, user_input
                    )
        ports = await self.hass.async_add_executor_job(find_serial_ports)
        schema = probatio.Schema(
            {
                probatio.Required(CONF_PORT): SelectSelector(
                    SelectSelectorConfig(
                        options=ports,
                        custom_value=True,
                        mode=SelectSelectorMode.DROPDOWN,
                    )
                ),
                probatio.Required(CONF_BAUDRATE, default=DEFAULT_BAUDRATE): _number(
                    1200, 1_000_000
                ),
            }
        )
        return self._show("serial", schema, errors, user_input)

    async def async_step_i2c(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up a reader on an I2C bus."""
        errors: dict[str, str] = {}
        if user_input is not None:
            numbers, errors = _whole_numbers(user_input, CONF_BUS)
            try:
                address = _parse_address(user_input[CONF_ADDRESS])
            except ValueError:
                errors[CONF_ADDRESS] = "invalid_address"
            if not errors:
                bus = numbers[CONF_BUS]
                data = {
                    CONF_CONNECTION: Connection.I2C,
                    CONF_BUS: bus,
                    CONF_ADDRESS: address,
                }
                errors = await self._async_try_connect(data, CONF_BUS)
                if not errors:
                    return await self._async_finish(
                        connection_from_entry_data(data).key,
                        f"PN532 I2C {bus} 0x{address:02x}",
                        data,
                        user_input,
                    )
        schema = probatio.Schema(
            {
                probatio.Required(CONF_BUS, default=DEFAULT_I2C_BUS): _number(0, 99),
                probatio.Required(
                    CONF_ADDRESS, default=f"0x{DEFAULT_I2C_ADDRESS:02x}"
                ): TextSelector(),
            }
        )
        return self._show("i2c", schema, errors, user_input)

    async def async_step_spi(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up a reader on an SPI bus."""
        errors: dict[str, str] = {}
        if user_input is not None:
            numbers, errors = _whole_numbers(
                user_input, CONF_BUS, CONF_SPI_DEVICE, CONF_SPEED_HZ
            )
            if not errors:
                data = {CONF_CONNECTION: Connection.SPI, **numbers}
                errors = await self._async_try_connect(data, CONF_BUS)
                if not errors:
                    where = f"{numbers[CONF_BUS]}.{numbers[CONF_SPI_DEVICE]}"
                    return await self._async_finish(
                        connection_from_entry_data(data).key,
                        f"PN532 SPI {where}",
                        data,
                        user_input,
                    )
        schema = probatio.Schema(
            {
                probatio.Required(CONF_BUS, default=DEFAULT_SPI_BUS): _number(0, 99),
                probatio.Required(CONF_SPI_DEVICE, default=DEFAULT_SPI_DEVICE): _number(
                    0, 99
                ),
                probatio.Required(CONF_SPEED_HZ, default=DEFAULT_SPEED_HZ): _number(
                    10_000, 5_000_000, 1000
                ),
            }
        )
        return self._show("spi", schema, errors, user_input)

    async def async_step_network(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up a reader behind ser2net (socket:// or rfc2217://)."""
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                url = parse_network_url(user_input[CONF_URL])
            except ValueError:
                errors[CONF_URL] = "invalid_url"
            else:
                data = {CONF_CONNECTION: Connection.NETWORK, CONF_URL: url}
                errors = await self._async_try_connect(data, CONF_URL)
                if not errors:
                    return await self._async_finish(
                        url, f"PN532 {url}", data, user_input
                    )
        schema = probatio.Schema({probatio.Required(CONF_URL): TextSelector()})
        return self._show("network", schema, errors, user_input)

    async def async_step_simulated(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up a simulated reader, backed by the built-in PN532 emulator.

        Several may exist, so each gets a unique id of its own; the user names
        them by renaming the entry.
        """
        if user_input is not None:
            unique_id = (
                self._get_reconfigure_entry().unique_id
                if self.source == SOURCE_RECONFIGURE
                else None
            ) or f"simulated:{uuid4().hex}"
            data = {CONF_CONNECTION: Connection.SIMULATED}
            return await self._async_finish(
                unique_id, DEFAULT_SIMULATED_NAME, data, user_input
            )
        return self._show("simulated", probatio.Schema({}), {}, user_input)

    async def async_step_scanner(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up a device that reports scanned chips (ESPHome, the companion app).

        The device is the reader's identity: its id never changes, its name may.
        """
        reconfiguring = self.source == SOURCE_RECONFIGURE
        integrations = self._scanner_integrations()
        if not reconfiguring and not self._scanners(integrations):
            return self.async_abort(reason="no_scanners")
        errors: dict[str, str] = {}
        if user_input is not None:
            device_id = user_input[CONF_SCANNER_DEVICE]
            device = dr.async_get(self.hass).async_get(device_id)
            if not isinstance(device, dr.DeviceEntry) or self._is_ours(device):
                errors[CONF_SCANNER_DEVICE] = "not_a_scanner"
            else:
                data = {
                    CONF_CONNECTION: Connection.SCANNER,
                    CONF_SCANNER_DEVICE: device_id,
                }
                title = device.name_by_user or device.name or device_id
                return await self._async_finish(device_id, title, data, user_input)
        schema = probatio.Schema(
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
        return self._show("scanner", schema, errors, user_input)

    def _scanner_integrations(self) -> set[str]:
        """Return the integrations whose devices scan tags, but this one.

        ESPHome's and the companion app's can; any other once one of its devices
        scanned a tag (Settings → Tags remembers the last device of each tag).
        """
        integrations = set(SCANNER_INTEGRATIONS)
        devices = dr.async_get(self.hass)
        for tag in self.hass.data[TAG_DATA].async_items():
            if (device_id := tag.get("device_id")) and (
                device := devices.async_get(device_id)
            ):
                integrations.add(self._integration(device) or DOMAIN)
        integrations.discard(DOMAIN)
        return integrations

    def _scanners(self, integrations: set[str]) -> list[dr.DeviceEntry]:
        """Return the devices of ``integrations`` that may become readers."""
        return [
            device
            for device in dr.async_get(self.hass).devices
            if self._integration(device) in integrations
        ]

    def _integration(self, device: dr.AnyDeviceEntry) -> str | None:
        """Return the integration that made ``device``."""
        if not isinstance(device, dr.DeviceEntry):
            return None  # a part of another device: that device scans
        entry = self.hass.config_entries.async_get_entry(device.config_entry_id)
        return entry.domain if entry else None

    def _is_ours(self, device: dr.AnyDeviceEntry) -> bool:
        """Return whether ``device`` is one of our readers: those scan for us."""
        return self._integration(device) == DOMAIN

    def _show(
        self,
        step_id: str,
        schema: probatio.Schema,
        errors: dict[str, str],
        user_input: Mapping[str, Any] | None,
    ) -> ConfigFlowResult:
        if user_input is None and self.source == SOURCE_RECONFIGURE:
            user_input = dict(self._get_reconfigure_entry().data)
            if CONF_ADDRESS in user_input:
                user_input[CONF_ADDRESS] = f"0x{user_input[CONF_ADDRESS]:02x}"
        elif self.source != SOURCE_RECONFIGURE:
            # A new reader asks for its speaker (its options keep it editable).
            # The simulated reader is a try-out: one click, with or without one.
            speaker = (
                probatio.Optional
                if step_id == Connection.SIMULATED
                else probatio.Required
            )
            schema = schema.extend(
                {
                    speaker(CONF_MEDIA_PLAYER): EntitySelector(
                        EntitySelectorConfig(domain=MEDIA_PLAYER_DOMAIN)
                    )
                }
            )
            if user_input is None and (suggested := likely_speaker(self.hass)):
                user_input = {CONF_MEDIA_PLAYER: suggested}
        return self.async_show_form(
            step_id=step_id,
            data_schema=self.add_suggested_values_to_schema(schema, user_input or {}),
            errors=errors,
        )

    async def _async_try_connect(
        self, data: Mapping[str, Any], field: str
    ) -> dict[str, str]:
        """Read the firmware version; return form errors for what went wrong."""
        try:
            device = Pn532(connection_from_entry_data(data).transport())
            await device.open()
        except Pn532Error as err:
            # Most specific first: ReaderPermissionDenied is a ReaderNotFound.
            for error_type, key in CONNECT_ERRORS:
                if isinstance(err, error_type):
                    return {field: key}
            return {field: "cannot_connect"}
        except Exception:  # noqa: BLE001 - show "unknown" rather than a broken form
            LOGGER.exception("Unexpected error while testing the reader")
            return {"base": "unknown"}
        await device.close()
        return {}

    async def _async_finish(
        self,
        unique_id: str,
        title: str,
        data: dict[str, Any],
        user_input: Mapping[str, Any] | None = None,
    ) -> ConfigFlowResult:
        """Add the reader, with the speaker its form asked for; or move it."""
        await self.async_set_unique_id(unique_id)
        if self.source == SOURCE_RECONFIGURE:
            entry = self._get_reconfigure_entry()
            if unique_id != entry.unique_id:
                self._abort_if_unique_id_configured()
            # The title is the name the user gave the reader: moving it keeps it.
            return self.async_update_reload_and_abort(
                entry, unique_id=unique_id, data=data
            )
        self._abort_if_unique_id_configured()
        options = (
            {CONF_MEDIA_PLAYER: speaker}
            if user_input and (speaker := user_input.get(CONF_MEDIA_PLAYER))
            else {}
        )
        return self.async_create_entry(title=title, data=data, options=options)


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
}


def _percent(minimum: int = 0) -> NumberSelector:
    return NumberSelector(
        NumberSelectorConfig(
            min=minimum,
            max=100,
            step=1,
            mode=NumberSelectorMode.SLIDER,
            unit_of_measurement="%",
        )
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
            ): SelectSelector(
                SelectSelectorConfig(
                    options=list(QuietHoursStart),
                    translation_key=CONF_QUIET_HOURS_START,
                    mode=SelectSelectorMode.LIST,
                )
            ),
            probatio.Required(CONF_DAILY_LIMIT, default=DEFAULT_DAILY_LIMIT): _number(
                0, MAX_DAILY_LIMIT
            ),
            probatio.Required(CONF_FEEDBACK, default=False): BooleanSelector(),
        }
    )
    volume = probatio.Schema(
        {
            probatio.Required(CONF_MIN_VOLUME, default=DEFAULT_MIN_VOLUME): _percent(),
            probatio.Required(CONF_MAX_VOLUME, default=DEFAULT_MAX_VOLUME): _percent(1),
            probatio.Optional(CONF_NIGHT_MAX_VOLUME): _percent(1),
            probatio.Required(CONF_FADE_OUT, default=DEFAULT_FADE_OUT): _number(
                0, MAX_FADE_OUT
            ),
        }
    )
    return probatio.Schema(
        {
            probatio.Required(
                CONF_ON_REMOVE, default=DEFAULT_ON_REMOVE
            ): SelectSelector(
                SelectSelectorConfig(
                    options=list(OnRemove),
                    translation_key=CONF_ON_REMOVE,
                    mode=SelectSelectorMode.LIST,
                )
            ),
            probatio.Required(
                CONF_RESUME_WINDOW, default=DEFAULT_RESUME_WINDOW
            ): _number(0, 1440),
            probatio.Optional(CONF_MEDIA_PLAYER): EntitySelector(
                EntitySelectorConfig(domain="media_player")
            ),
            probatio.Required(SECTION_HOUSE_RULES): section(
                house_rules, SectionConfig(collapsed=True)
            ),
            probatio.Required(SECTION_VOLUME): section(
                volume, SectionConfig(collapsed=True)
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


class NfcJukeboxOptionsFlow(OptionsFlow):
    """How a reader behaves: lifting a chip, resuming, and the house rules."""

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show and save the reader's behaviour and house rules."""
        errors: dict[str, str] = {}
        if user_input is not None:
            options = _flat_options(user_input)
            numbers, errors = _whole_numbers(
                options,
                *(
                    key
                    for key in (
                        CONF_RESUME_WINDOW,
                        CONF_DAILY_LIMIT,
                        CONF_MIN_VOLUME,
                        CONF_MAX_VOLUME,
                        CONF_NIGHT_MAX_VOLUME,
                        CONF_FADE_OUT,
                    )
                    if key in options
                ),
            )
            options.update(numbers)
            if errors:
                # An error shows on the section that holds the field.
                errors = {
                    next(
                        (name for name, keys in OPTION_SECTIONS.items() if key in keys),
                        key,
                    ): error
                    for key, error in errors.items()
                }
            elif floor_above_ceiling(options):
                errors[SECTION_VOLUME] = "floor_above_ceiling"
            if not errors:
                return self.async_create_entry(data=options)
        return self.async_show_form(
            step_id="init",
            data_schema=self.add_suggested_values_to_schema(
                options_schema(),
                user_input or _sectioned(self.config_entry.options),
            ),
            errors=errors,
        )


class _ChipFlow(ConfigSubentryFlow):
    """Add or edit one chip of the home, stored on this reader; one chip per UID."""

    #: the subentry type, and the form of such a chip
    kind: str
    schema: Callable[[], probatio.Schema]
    #: the chip the form describes, while a second step completes it
    _chip: Chip

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Add a chip; the UID is prefilled with the last new chip placed."""
        errors: dict[str, str] = {}
        placeholders = {"chip": ""}
        if user_input is not None:
            try:
                chip = chip_from_input(self.hass, self.kind, user_input)
            except InvalidChip as err:
                errors = err.errors
            else:
                if owner := find_chip_subentry(self.hass, chip.uid):
                    errors[CONF_UID] = "uid_taken_by_chip"
                    placeholders["chip"] = owner.title
                else:
                    self._chip = chip
                    return await self._async_next(user_input, errors)
        suggested: Mapping[str, Any] = user_input or {}
        if not suggested and (uid := self._last_new_chip()):
            suggested = {CONF_UID: uid}
        return self.async_show_form(
            step_id="user",
            data_schema=self.add_suggested_values_to_schema(
                type(self).schema(), suggested
            ),
            errors=errors,
            description_placeholders=placeholders,
        )

    def _last_new_chip(self) -> str | None:
        """Return the UID of the last new chip placed: on this reader, else any.

        A chip given its meaning since it was placed is not offered again.
        """
        for reader in home_readers(self.hass, self._get_entry()):
            if (
                reader.state is ConfigEntryState.LOADED
                and (uid := reader.runtime_data.jukebox.last_unknown_uid)
                and find_chip_subentry(self.hass, uid) is None
            ):
                return str(uid)
        return None

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Edit a chip; the form shows every stored setting, defaults included."""
        subentry = self._get_reconfigure_subentry()
        errors: dict[str, str] = {}
        placeholders = {"chip": ""}
        if user_input is not None:
            try:
                chip = chip_from_input(self.hass, self.kind, user_input)
            except InvalidChip as err:
                errors = err.errors
            else:
                # A chip keeps its own UID even where an earlier release let
                # another reader give it a meaning too.
                if chip.uid != normalise_uid(subentry.data[CONF_UID]) and (
                    owner := find_chip_subentry(
                        self.hass, chip.uid, except_subentry=subentry.subentry_id
                    )
                ):
                    errors[CONF_UID] = "uid_taken_by_chip"
                    placeholders["chip"] = owner.title
                else:
                    self._chip = chip
                    return await self._async_next(user_input, errors)
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(
                type(self).schema(), user_input or form_values(subentry)
            ),
            errors=errors,
            description_placeholders=placeholders,
        )

    async def _async_next(
        self, user_input: Mapping[str, Any], errors: dict[str, str]
    ) -> SubentryFlowResult:
        """Go on from a valid form: to a second step if it asks for one, else save."""
        del user_input, errors
        return await self._async_save()

    async def _async_save(self) -> SubentryFlowResult:
        """Save the chip: a new subentry, or the one being edited."""
        chip = self._chip
        await async_name_tag(self.hass, chip.uid, chip.name)
        data = chip.to_subentry_data()
        if self.source == SOURCE_RECONFIGURE:
            return self.async_update_and_abort(
                self._get_entry(),
                self._get_reconfigure_subentry(),
                unique_id=data["unique_id"],
                title=data["title"],
                data=data["data"],
            )
        async_delete_new_chip_issues(self.hass, chip.uid)
        return self.async_create_entry(
            title=data["title"], data=data["data"], unique_id=data["unique_id"]
        )


class TagMappingFlow(_ChipFlow):
    """A music chip: scan it, pick the music (a track, a playlist or a folder)."""

    kind = SUBENTRY_TAG
    schema = staticmethod(music_chip_form)
    _folders: list[Folder]

    @override
    async def _async_next(
        self, user_input: Mapping[str, Any], errors: dict[str, str]
    ) -> SubentryFlowResult:
        try:
            folders = await async_folders_to_pick(self.hass, user_input)
        except InvalidChip as err:
            errors.update(err.errors)
            return self.async_show_form(
                step_id=self.source if self.source == SOURCE_RECONFIGURE else "user",
                data_schema=self.add_suggested_values_to_schema(
                    music_chip_form(), user_input
                ),
                errors=errors,
                description_placeholders={"chip": ""},
            )
        if folders is None:
            return await self._async_save()
        self._folders = folders
        return await self.async_step_folder()

    async def async_step_folder(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Pick the folder whose tracks the chip plays, one after the other."""
        chip = self._chip
        assert isinstance(chip, TagMapping)  # noqa: S101 - only music chips get here
        if user_input is not None:
            self._chip = chip_with_folder(chip, self._folders, user_input[CONF_FOLDER])
            return await self._async_save()
        return self.async_show_form(
            step_id="folder",
            data_schema=folder_form(chip, self._folders),
            description_placeholders={"chip": chip.name},
        )


class ControlChipFlow(_ChipFlow):
    """A control chip: volume, skip, stop or sleep timer."""

    kind = SUBENTRY_CONTROL
    schema = staticmethod(control_chip_schema)
