"""Config flow: add a reader (PN532, RC522, network, scanner, USB, simulated), reconfigure.

Its options are options_flow.py's, its chips subentry_flows.py's, and the offer of a
new chip (a discovered flow) discovery_flow.py's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, override
from uuid import uuid4

import probatio
from homeassistant.config_entries import (
    SOURCE_RECONFIGURE,
    ConfigEntry,
    ConfigFlowResult,
    ConfigSubentryFlow,
)
from homeassistant.const import CONF_PORT, CONF_URL
from homeassistant.core import callback
from homeassistant.helpers import device_registry as dr

from .chips.forms import speaker_selector
from .chips.validation import whole_numbers
from .const import (
    CONF_ADDRESS,
    CONF_BAUDRATE,
    CONF_BUS,
    CONF_CHIP,
    CONF_CONNECTION,
    CONF_INPUT_DEVICE,
    CONF_MEDIA_PLAYER,
    CONF_SCANNER_DEVICE,
    CONF_SPEED_HZ,
    CONF_SPI_DEVICE,
    DEFAULT_SIMULATED_NAME,
    DOMAIN,
    LOGGER,
    SUBENTRY_CONTROL,
    SUBENTRY_TAG,
    Connection,
    SimulatedChip,
)
from .discovery_flow import NewChipFlow
from .home import is_reader
from .options_flow import NfcJukeboxOptionsFlow
from .pn532 import (
    NotAPn532,
    Pn532Error,
    ReaderNotFound,
    ReaderPermissionDenied,
    ReaderTimeout,
)
from .rc522 import NotAnRc522
from .reader_forms import (
    device_integration,
    find_serial_ports,
    i2c_schema,
    keyboard_schema,
    likely_speaker,
    network_schema,
    parse_address,
    parse_network_url,
    scanner_integrations,
    scanner_schema,
    scanners,
    serial_schema,
    simulated_schema,
    spi_schema,
    stable_port,
)
from .readers.keyboard import find_keyboard_readers, input_device_error, reader_title
from .readers.pn532 import chip_from_entry_data, connection_from_entry_data
from .readers.rc522 import rc522_connection
from .subentry_flows import ControlChipFlow, TagMappingFlow

CONNECT_ERRORS: tuple[tuple[type[Pn532Error], str], ...] = (
    (ReaderPermissionDenied, "permission_denied"),
    (ReaderNotFound, "port_not_found"),
    (ReaderTimeout, "no_answer"),
    (NotAPn532, "not_pn532"),
    (NotAnRc522, "not_rc522"),
)


class NfcJukeboxConfigFlow(NewChipFlow, domain=DOMAIN):
    """Add a PN532 reader, or give a new chip its music (NewChipFlow)."""

    VERSION = 2
    #: 2: chips belong to the home, readers have a speaker (see async_migrate_entry)
    MINOR_VERSION = 4

    @staticmethod
    @callback
    @override
    def async_get_options_flow(config_entry: ConfigEntry) -> NfcJukeboxOptionsFlow:
        return NfcJukeboxOptionsFlow()

    @classmethod
    @callback
    @override
    def async_supports_options_flow(cls, config_entry: ConfigEntry) -> bool:
        return is_reader(config_entry)

    @classmethod
    @callback
    @override
    def async_get_supported_subentry_types(
        cls, config_entry: ConfigEntry
    ) -> dict[str, type[ConfigSubentryFlow]]:
        # An ignored offer of a new chip is an entry too, but no reader to add chips to.
        if not is_reader(config_entry):
            return {}
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
        # Each kind of reader has the step of its name.
        connection = Connection(self._get_reconfigure_entry().data[CONF_CONNECTION])
        step: Callable[[], Awaitable[ConfigFlowResult]] = getattr(
            self, f"async_step_{connection}"
        )
        return await step()

    async def async_step_serial(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up a reader on a serial port (GPIO UART or USB adapter)."""
        errors: dict[str, str] = {}
        if user_input is not None:
            numbers, errors = whole_numbers(user_input, CONF_BAUDRATE)
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
        return self._show("serial", serial_schema(ports), errors, user_input)

    async def async_step_i2c(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up a reader on an I2C bus."""
        errors: dict[str, str] = {}
        if user_input is not None:
            numbers, errors = whole_numbers(user_input, CONF_BUS)
            try:
                address = parse_address(user_input[CONF_ADDRESS])
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
        return self._show("i2c", i2c_schema(), errors, user_input)

    async def async_step_spi(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up a reader on an SPI bus."""
        return await self._async_spi_step("spi", Connection.SPI, user_input)

    async def async_step_rc522(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up an RC522 (MFRC522) on an SPI bus."""
        return await self._async_spi_step("rc522", Connection.RC522, user_input)

    async def _async_spi_step(
        self,
        step_id: str,
        connection: Connection,
        user_input: dict[str, Any] | None,
    ) -> ConfigFlowResult:
        """Set up a PN532 or an RC522 on an SPI bus: the same fields, another chip."""
        errors: dict[str, str] = {}
        if user_input is not None:
            numbers, errors = whole_numbers(
                user_input, CONF_BUS, CONF_SPI_DEVICE, CONF_SPEED_HZ
            )
            if not errors:
                data = {CONF_CONNECTION: connection, **numbers}
                errors = await self._async_try_connect(data, CONF_BUS)
                if not errors:
                    rc522 = connection is Connection.RC522
                    key = (rc522_connection if rc522 else connection_from_entry_data)(
                        data
                    ).key
                    where = f"{numbers[CONF_BUS]}.{numbers[CONF_SPI_DEVICE]}"
                    chip = "RC522" if rc522 else "PN532"
                    return await self._async_finish(
                        key, f"{chip} SPI {where}", data, user_input
                    )
        return self._show(step_id, spi_schema(), errors, user_input)

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
        return self._show("network", network_schema(), errors, user_input)

    async def async_step_simulated(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up a simulated reader, backed by the built-in PN532 or RC522 emulator.

        Several may exist, so each gets a unique id of its own; the user names
        them by renaming the entry.
        """
        if user_input is not None:
            unique_id = (
                self._get_reconfigure_entry().unique_id
                if self.source == SOURCE_RECONFIGURE
                else None
            ) or f"simulated:{uuid4().hex}"
            data: dict[str, Any] = {CONF_CONNECTION: Connection.SIMULATED}
            if (chip := user_input.get(CONF_CHIP)) == SimulatedChip.RC522:
                data[CONF_CHIP] = chip
            return await self._async_finish(
                unique_id, DEFAULT_SIMULATED_NAME, data, user_input
            )
        return self._show("simulated", simulated_schema(), {}, user_input)

    async def async_step_scanner(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up a device that reports scanned chips (ESPHome, the companion app).

        The device is the reader's identity: its id never changes, its name may.
        """
        reconfiguring = self.source == SOURCE_RECONFIGURE
        integrations = scanner_integrations(self.hass)
        if not reconfiguring and not scanners(self.hass, integrations):
            return self.async_abort(reason="no_scanners")
        errors: dict[str, str] = {}
        if user_input is not None:
            device_id = user_input[CONF_SCANNER_DEVICE]
            device = dr.async_get(self.hass).async_get(device_id)
            if (
                not isinstance(device, dr.DeviceEntry)
                or device_integration(self.hass, device) == DOMAIN
            ):
                errors[CONF_SCANNER_DEVICE] = "not_a_scanner"
            else:
                data = {
                    CONF_CONNECTION: Connection.SCANNER,
                    CONF_SCANNER_DEVICE: device_id,
                }
                title = device.name_by_user or device.name or device_id
                return await self._async_finish(device_id, title, data, user_input)
        return self._show("scanner", scanner_schema(integrations), errors, user_input)

    async def async_step_keyboard(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up a USB reader that types chips' numbers (its by-id path stays)."""
        choices = await self.hass.async_add_executor_job(find_keyboard_readers)
        if not choices and self.source != SOURCE_RECONFIGURE:
            return self.async_abort(reason="no_keyboard_readers")
        errors: dict[str, str] = {}
        if user_input is not None:
            path = str(user_input[CONF_INPUT_DEVICE]).strip()
            # The reader holds its own device: reconfiguring to it needs no test.
            held = self.source == SOURCE_RECONFIGURE and path == (
                self._get_reconfigure_entry().data.get(CONF_INPUT_DEVICE)
            )
            error = None
            if not held:
                error = await self.hass.async_add_executor_job(input_device_error, path)
            if error is None:
                data = {CONF_CONNECTION: Connection.KEYBOARD, CONF_INPUT_DEVICE: path}
                return await self._async_finish(
                    path, reader_title(path), data, user_input
                )
            errors = {CONF_INPUT_DEVICE: error}
        return self._show("keyboard", keyboard_schema(choices), errors, user_input)

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
            schema = schema.extend({speaker(CONF_MEDIA_PLAYER): speaker_selector()})
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
            device = chip_from_entry_data(data)
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
