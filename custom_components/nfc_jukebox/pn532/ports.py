"""Turn a port string into a transport: a serial path or URL, ``i2c:...``, ``spi:...``."""

from __future__ import annotations

from .i2c import DEFAULT_ADDRESS, i2c_transport
from .spi import DEFAULT_SPEED_HZ, spi_transport
from .transport import Transport
from .uart import DEFAULT_BAUDRATE, UartTransport


def transport_for_port(port: str, *, baudrate: int = DEFAULT_BAUDRATE) -> Transport:
    """Return the transport for ``port``.

    ``port`` is a serial device path, a pyserial URL (``socket://host:port``,
    ``rfc2217://host:port``), ``i2c:BUS[:ADDRESS]`` or ``spi:BUS.DEVICE[:SPEED_HZ]``.
    Raise ValueError for a malformed ``i2c:``/``spi:`` port.
    """
    kind, _, rest = port.partition(":")
    try:
        if kind == "i2c":
            bus, _, address = rest.partition(":")
            return i2c_transport(
                int(bus), int(address, 0) if address else DEFAULT_ADDRESS
            )
        if kind == "spi":
            where, _, speed = rest.partition(":")
            bus, _, device = where.partition(".")
            return spi_transport(
                int(bus), int(device), int(speed) if speed else DEFAULT_SPEED_HZ
            )
    except ValueError as err:
        msg = f"malformed port {port!r}: use i2c:BUS[:ADDRESS] or spi:BUS.DEVICE"
        raise ValueError(msg) from err
    return UartTransport(port, baudrate)
