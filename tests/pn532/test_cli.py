"""The command lines: ours (info, read, watch) against the emulator's, over a pty."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import runpy
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pytest

from custom_components.nfc_jukebox.pn532 import __main__ as cli
from custom_components.nfc_jukebox.pn532.emulator import (
    TAG_KINDS,
    Pn532Emulator,
    PtyLink,
)
from custom_components.nfc_jukebox.pn532.emulator import __main__ as emulator_main

from .support import (
    LIBRARY_HOME,
    REPO_ROOT,
    TAG_SPEC,
    WITHOUT_HOME_ASSISTANT,
    EmulatorCli,
    babbling_pty,
    emulator_cli,
    ntag215,
)

NOBODY = 65534
TAG_JSON = {
    "uid": "04A1B2C3D4E5F6",
    "atqa": "0044",
    "sak": "00",
    "type": "ntag215",
    "ndef": [{"type": "uri", "uri": "https://example.com"}],
}


@pytest.fixture
async def emulator_process(tmp_path: Path) -> AsyncIterator[EmulatorCli]:
    async with emulator_cli(tmp_path / "pn532") as process:
        yield process


@dataclass
class Result:
    """How a run of our CLI ended."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> object:
        """Return stdout as JSON."""
        return json.loads(self.stdout)


async def run_cli(*args: str, as_module: bool = False) -> Result:
    """Run our CLI with ``args`` to its end.

    ``as_module``: exactly as scripts/pn532 runs it, ``python -m pn532`` with the
    integration's folder on ``PYTHONPATH``.
    """
    launch = ["-m"] if as_module else ["-c", WITHOUT_HOME_ASSISTANT]
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *launch,
        "pn532",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT / LIBRARY_HOME)},
    )
    async with asyncio.timeout(60):
        stdout, stderr = await process.communicate()
    assert process.returncode is not None
    return Result(process.returncode, stdout.decode(), stderr.decode())


# --- as a user runs it -----------------------------------------------------------------


async def test_info_names_the_chip_and_firmware(emulator_process: EmulatorCli) -> None:
    result = await run_cli("--port", str(emulator_process.link), "info", as_module=True)
    assert result.code == 0, result.stderr
    assert result.json() == {
        "ic": "PN532",
        "firmware": "1.6",
        "support": "07",
        "port": str(emulator_process.link),
    }


async def test_read_prints_the_tag(emulator_process: EmulatorCli) -> None:
    result = await run_cli("--port", str(emulator_process.link), "read")
    assert result.code == 0, result.stderr
    assert result.json() == TAG_JSON


async def test_read_without_a_tag_gives_up_after_its_timeout(
    emulator_process: EmulatorCli,
) -> None:
    assert await emulator_process.command("remove") == "OK"
    result = await run_cli(
        "--port", str(emulator_process.link), "read", "--timeout", "0.2"
    )
    assert result.code == cli.EXIT_NO_TAG
    assert result.stdout == ""
    assert result.stderr == "no tag within 0.2 s\n"


async def test_watch_prints_one_line_per_event(emulator_process: EmulatorCli) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        WITHOUT_HOME_ASSISTANT,
        "pn532",
        "--port",
        str(emulator_process.link),
        "watch",
        stdout=asyncio.subprocess.PIPE,
        cwd=REPO_ROOT,
    )
    assert process.stdout is not None

    async def line() -> object:
        assert process.stdout is not None
        async with asyncio.timeout(30):
            return json.loads(await process.stdout.readline())

    assert await line() == {"event": "placed", **TAG_JSON}
    assert await emulator_process.command("remove") == "OK"
    assert await line() == {"event": "removed", **TAG_JSON}
    assert await emulator_process.command("place classic1k:DEADBEEF") == "OK"
    assert await line() == {
        "event": "placed",
        "uid": "DEADBEEF",
        "atqa": "0004",
        "sak": "08",
        "type": "classic1k",
        "ndef": [],
    }
    process.send_signal(2)  # Ctrl-C
    async with asyncio.timeout(30):
        assert await process.wait() == 0


async def test_after_unplugging_the_same_port_works_once_replugged(
    emulator_process: EmulatorCli,
) -> None:
    port = str(emulator_process.link)
    assert await emulator_process.command("unplug") == "OK"
    result = await run_cli("--port", port, "info")
    assert (result.code, result.stderr[:18]) == (cli.EXIT_ERROR, "error: cannot open")
    assert await emulator_process.command("replug") == "OK"
    result = await run_cli("--port", port, "read")
    assert result.code == 0, result.stderr
    assert result.json() == TAG_JSON


async def test_a_missing_port_is_a_clear_error(tmp_path: Path) -> None:
    result = await run_cli("--port", str(tmp_path / "ttyUSB7"), "info")
    assert result.code == cli.EXIT_ERROR
    assert result.stderr.startswith(f"error: cannot open {tmp_path / 'ttyUSB7'}")


async def test_something_that_is_not_a_pn532_is_a_clear_error() -> None:
    with babbling_pty(b"AT\r\nOK\r\n") as path:
        result = await run_cli("--port", path, "info")
    assert result.code == cli.EXIT_ERROR
    assert result.stderr == f"error: {path} answers, but not as a PN532\n"


@contextlib.contextmanager
def _a_user_the_port_refuses() -> Iterator[None]:
    """Act as a user whom a port of mode 000 refuses: this one, or ``nobody`` for root.

    Root passes any mode bits, so it drops its effective ids for the while, in this
    process: a child process as ``nobody`` could not reach a checkout in a 0700 folder.
    """
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


async def test_a_port_this_user_may_not_open_is_a_clear_error(
    emulator_process: EmulatorCli, capsys: pytest.CaptureFixture[str]
) -> None:
    pty = emulator_process.link.resolve()
    # Opens while allowed: all the CLI imports is imported before the ids drop.
    assert await asyncio.to_thread(cli.main, ["--port", str(pty), "info"]) == 0
    capsys.readouterr()
    pty.chmod(0o000)
    with _a_user_the_port_refuses():
        code = await asyncio.to_thread(cli.main, ["--port", str(pty), "info"])
    captured = capsys.readouterr()
    assert code == cli.EXIT_ERROR, captured.out
    assert captured.err == f"error: no permission to open {pty}\n"


# --- in process ----------------------------------------------------------------------


def test_both_command_lines_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The emulator CLI needs the main thread (signal handlers); ours runs beside it.
    link = tmp_path / "pn532"
    codes: list[int] = []
    read_fd, write_fd = os.pipe()

    def drive(feed: TextIO) -> None:
        with feed:
            deadline = time.monotonic() + 30
            while not link.exists() and time.monotonic() < deadline:
                time.sleep(0.005)
            codes.append(cli.main(["--port", str(link), "info"]))
            codes.append(cli.main(["--port", str(link), "read", "--timeout", "5"]))
            commands = ["remove", "place ntag213:04A1B2C3D4E5F6", "place x", "fly", " "]
            feed.writelines(f"{line}\n" for line in [*commands, "unplug", "replug"])
            feed.write("quit\n")

    driver = threading.Thread(target=drive, args=(os.fdopen(write_fd, "w"),))
    with os.fdopen(read_fd) as commands:
        stdin, sys.stdin = sys.stdin, commands
        try:
            driver.start()
            emulator_main.main(["--link", str(link), "--tag", TAG_SPEC])
        finally:
            sys.stdin = stdin
            driver.join(30)
            for thread in threading.enumerate():
                if thread.name == "stdin":  # the emulator CLI's; it ends at EOF
                    thread.join(10)
    assert codes == [0, 0]
    lines = capsys.readouterr().out.splitlines()
    printed = [json.loads(line) for line in lines if line.startswith("{")]
    assert printed[0]["ic"] == "PN532"
    assert printed[1] == TAG_JSON
    answers = [line for line in lines if not line.startswith("{")]
    assert answers[0].startswith("READY /dev/pts/")
    assert answers[1:] == [
        "OK",
        "OK",
        f"ERR unknown tag type 'x'; use one of {', '.join(TAG_KINDS)}",
        "ERR unknown command 'fly'",
        "ERR empty command",
        "OK",
        "OK",
        "OK",
    ]
    assert not link.is_symlink()


def test_main_reports_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--port", str(tmp_path / "missing"), "info"]) == cli.EXIT_ERROR
    assert capsys.readouterr().err.startswith("error: cannot open")
    assert cli.main(["--port", "spi:zero", "info"]) == cli.EXIT_ERROR
    assert "malformed port" in capsys.readouterr().err


@pytest.fixture
async def pty_port(emulator: Pn532Emulator) -> AsyncIterator[str]:
    """Serve the in-process emulator on a pty; yield its path."""
    link = PtyLink(emulator)
    path = link.open()
    assert path is not None
    yield path
    link.close()


async def test_read_in_process_without_a_tag_times_out(
    pty_port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = cli._parser().parse_args(
        ["--port", pty_port, "read", "--timeout", "0.05"]
    )
    assert await cli._run(arguments) == cli.EXIT_NO_TAG
    assert capsys.readouterr().err == "no tag within 0.05 s\n"


async def test_watch_in_process_prints_events(
    emulator: Pn532Emulator, pty_port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = cli._parser().parse_args(["--port", pty_port, "watch"])
    watching = asyncio.create_task(cli._run(arguments))
    emulator.place(ntag215())
    async with asyncio.timeout(10):
        while not (out := capsys.readouterr().out):  # noqa: ASYNC110 - stdout has no event
            await asyncio.sleep(0.01)
    assert json.loads(out) == {"event": "placed", **TAG_JSON}
    watching.cancel()
    with pytest.raises(asyncio.CancelledError):
        await watching


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["--link", "x", "--tag", "nonsense"], "unknown tag type"),
        (["--link", "x", "--pace-baud", "0"], "--pace-baud must be positive"),
    ],
)
def test_the_emulator_cli_refuses_bad_arguments(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        emulator_main.main(argv)
    assert complaint in capsys.readouterr().err


def test_ctrl_c_ends_the_command_line_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    async def interrupted(_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_run", interrupted)
    assert cli.main(["--port", "/dev/ttyUSB0", "watch"]) == 0


@pytest.mark.parametrize(
    ("module", "argv", "code"),
    [
        ("custom_components.nfc_jukebox.pn532", ["--port", "spi:x", "info"], 1),
        ("custom_components.nfc_jukebox.pn532.emulator", ["--link", "x", "--seed"], 2),
    ],
)
def test_the_modules_run_as_programs(
    monkeypatch: pytest.MonkeyPatch, module: str, argv: list[str], code: int
) -> None:
    monkeypatch.setattr(sys, "argv", ["prog", *argv])
    monkeypatch.delitem(sys.modules, f"{module}.__main__", raising=False)
    with pytest.raises(SystemExit) as exited:
        runpy.run_module(module, run_name="__main__")
    assert exited.value.code == code
