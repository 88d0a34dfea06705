"""Whatever arrives on the line, the driver raises only its own errors and recovers."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import Iterable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from custom_components.nfc_jukebox.pn532 import Pn532, Pn532Error
from custom_components.nfc_jukebox.pn532.emulator import (
    EmulatorTransport,
    Pn532Emulator,
)
from custom_components.nfc_jukebox.pn532.frames import ACK, NACK

from .support import ScriptedTransport, reply

FIRMWARE = reply("0332010607")
NO_TARGET = reply("4B00")
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def split(stream: bytes, cuts: list[int]) -> list[bytes]:
    """Cut ``stream`` into chunks at ``cuts`` (taken modulo its length)."""
    points = sorted({0, len(stream), *(cut % (len(stream) + 1) for cut in cuts)})
    return [stream[a:b] for a, b in itertools.pairwise(points)]


async def _firmware_through(stream: list[bytes]) -> None:
    scripted = [True]

    def chip(data: bytes) -> Iterable[bytes]:
        if data == ACK:
            return []  # an abort: nothing more
        if data == NACK:
            return [FIRMWARE]  # the last response, sent again
        if scripted and scripted.pop():
            return stream
        return [ACK, FIRMWARE]

    device = Pn532(ScriptedTransport(chip), ack_timeout=0.01, response_timeout=0.02)
    await device.transport.open()
    try:
        firmware = await device.firmware_version()
    except Pn532Error:
        pass
    else:
        assert firmware.chip == "PN532"
    # Whatever happened, the next command is answered correctly.
    assert (await device.firmware_version()).firmware == "1.6"
    await device.close()


@FUZZ
@given(
    before=st.binary(max_size=30),
    between=st.binary(max_size=30),
    after=st.binary(max_size=30),
    cuts=st.lists(st.integers(0, 200), max_size=8),
)
def test_noise_around_split_frames_gives_the_answer_or_a_reader_error(
    before: bytes, between: bytes, after: bytes, cuts: list[int]
) -> None:
    stream = before + ACK + between + FIRMWARE + after
    asyncio.run(_firmware_through(split(stream, cuts)))


@FUZZ
@given(stream=st.lists(st.binary(max_size=40), max_size=6))
def test_arbitrary_bytes_instead_of_an_answer_raise_only_reader_errors(
    stream: list[bytes],
) -> None:
    asyncio.run(_firmware_through(stream))


async def _no_tag_despite(noise: bytes, before_reply: bytes) -> None:
    emulator = Pn532Emulator()
    device = Pn532(EmulatorTransport(emulator), response_timeout=0.05)
    await device.open()
    await device.set_passive_retries(1)
    emulator.faults.garbage_before_reply = before_reply
    emulator.inject_garbage(noise)
    with contextlib.suppress(Pn532Error):
        assert await device.list_passive_target(retries=1) is None
    emulator.faults.garbage_before_reply = b""
    assert await device.list_passive_target(retries=1) is None
    await device.close()
    await emulator.aclose()


@FUZZ
@given(noise=st.binary(max_size=40), before_reply=st.binary(max_size=40))
def test_noise_on_the_line_never_makes_up_a_tag(
    noise: bytes, before_reply: bytes
) -> None:
    asyncio.run(_no_tag_despite(noise, before_reply))
