"""An event loop on simulated time: minutes of an emulated reader in seconds."""

from __future__ import annotations

import asyncio
from typing import Any, override


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """An event loop whose clock jumps to the next timer whenever nothing is ready.

    For code that waits only on the loop's own timers and in-memory links (the
    emulator behind an ``EmulatorTransport``): real I/O does not hold the clock.
    """

    def __init__(self) -> None:
        """Start the clock at zero."""
        super().__init__()
        self._now = 0.0

    @override
    def time(self) -> float:
        return self._now

    def _run_once(self) -> None:
        # asyncio's private scheduler state: a ready queue and a heap of timers.
        loop: Any = self
        if not loop._ready and loop._scheduled:  # noqa: SLF001
            self._now = max(self._now, loop._scheduled[0].when())  # noqa: SLF001
        super()._run_once()  # type: ignore[misc]
