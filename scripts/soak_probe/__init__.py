"""Soak probe: what a soak run needs to see inside Home Assistant, as actions.

``scripts/soak`` copies this folder into the custom_components of its throw-away
configuration; it is never installed anywhere else. Every action answers with data:

* ``soak_probe.stats``: asyncio tasks, threads, open files, RSS, gc objects, Python
  memory blocks, and native memory: SQLite's, and malloc's in use and free;
* ``soak_probe.trim``: hand malloc's free memory back to the system (``malloc_trim``)
  and answer the RSS before and after: what of RSS was free heap, not live data;
* ``soak_probe.trace_start``: start tracemalloc (``frames`` deep) and remember a
  snapshot and the count of every object type as the baseline;
* ``soak_probe.trace_report``: what grew since the baseline: the top allocation sites
  (``limit``, grouped by traceback) and object types.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gc
import sys
import threading
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.helpers.typing import ConfigType

DOMAIN = "soak_probe"
_BASELINE = "baseline"


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def _native_memory() -> dict[str, int | None]:
    """Return what SQLite holds and what malloc has in use and free, in KiB.

    Neither shows in tracemalloc: SQLite's page caches (the recorder's) and the free
    space malloc keeps in its heaps are outside Python's allocator.
    """
    memory: dict[str, int | None] = {"sqlite_kib": None, "sqlite_highwater_kib": None}
    with contextlib.suppress(OSError, AttributeError):
        sqlite = ctypes.CDLL("libsqlite3.so.0")
        sqlite.sqlite3_memory_used.restype = ctypes.c_int64
        sqlite.sqlite3_memory_highwater.restype = ctypes.c_int64
        sqlite.sqlite3_memory_highwater.argtypes = [ctypes.c_int]
        memory["sqlite_kib"] = sqlite.sqlite3_memory_used() // 1024
        memory["sqlite_highwater_kib"] = sqlite.sqlite3_memory_highwater(0) // 1024
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
        info = libc.mallinfo2()
        memory["malloc_in_use_kib"] = (info.uordblks + info.hblkhd) // 1024
        memory["malloc_free_kib"] = info.fordblks // 1024
    return memory


def _trim() -> dict[str, Any]:
    gc.collect()
    before = _rss_kib()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return {"rss_before_kib": before, "rss_after_kib": _rss_kib()}


def _type_counts() -> Counter[str]:
    return Counter(
        f"{type(obj).__module__}.{type(obj).__qualname__}" for obj in gc.get_objects()
    )


def _stats() -> dict[str, Any]:
    """Return what the process holds (in the executor: it reads /proc, collects)."""
    gc.collect()
    return {
        "threads": threading.active_count(),
        "fds": len(list(Path("/proc/self/fd").iterdir())),
        "rss_kib": _rss_kib(),
        "gc_objects": len(gc.get_objects()),
        "python_blocks": sys.getallocatedblocks(),
        **_native_memory(),
        "tracing": tracemalloc.is_tracing(),
        "traced_kib": tracemalloc.get_traced_memory()[0] // 1024
        if tracemalloc.is_tracing()
        else None,
    }


def _trace_start(hass: HomeAssistant, frames: int) -> dict[str, Any]:
    gc.collect()
    if not tracemalloc.is_tracing():
        tracemalloc.start(frames)
    hass.data[DOMAIN] = {
        "snapshot": tracemalloc.take_snapshot(),
        "types": _type_counts(),
    }
    return {"tracing": True, "frames": tracemalloc.get_traceback_limit()}


def _trace_report(hass: HomeAssistant, limit: int) -> dict[str, Any]:
    baseline = hass.data.get(DOMAIN)
    if baseline is None:
        return {"error": "soak_probe.trace_start was not called"}
    gc.collect()
    snapshot = tracemalloc.take_snapshot().filter_traces(
        (tracemalloc.Filter(inclusive=False, filename_pattern=tracemalloc.__file__),)
    )
    before = baseline["snapshot"].filter_traces(
        (tracemalloc.Filter(inclusive=False, filename_pattern=tracemalloc.__file__),)
    )
    by_traceback = snapshot.compare_to(before, "traceback")
    by_line = snapshot.compare_to(before, "lineno")
    types = _type_counts()
    types.subtract(baseline["types"])
    return {
        "traced_growth_kib": sum(s.size_diff for s in by_line) // 1024,
        "top_lines": [
            {
                "site": f"{s.traceback[0].filename}:{s.traceback[0].lineno}",
                "size_diff_kib": round(s.size_diff / 1024, 1),
                "count_diff": s.count_diff,
            }
            for s in by_line[:limit]
        ],
        "top_tracebacks": [
            {
                "size_diff_kib": round(s.size_diff / 1024, 1),
                "count_diff": s.count_diff,
                "traceback": [
                    f"{frame.filename}:{frame.lineno}" for frame in s.traceback
                ],
            }
            for s in by_traceback[:limit]
        ],
        "top_types": {
            name: count for name, count in types.most_common(limit) if count > 0
        },
    }


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the probe's actions (``soak_probe:`` in configuration.yaml)."""

    async def stats(call: ServiceCall) -> ServiceResponse:
        tasks = asyncio.all_tasks()
        names = Counter(
            getattr(task.get_coro(), "__qualname__", task.get_name()) for task in tasks
        )
        return {
            "tasks": len(tasks),
            "task_names": dict(names.most_common(15)),
            "bus_listeners": sum(hass.bus.async_listeners().values()),
            **await hass.async_add_executor_job(_stats),
        }

    async def trace_start(call: ServiceCall) -> ServiceResponse:
        frames = int(call.data.get("frames", 10))
        return await hass.async_add_executor_job(_trace_start, hass, frames)

    async def trace_report(call: ServiceCall) -> ServiceResponse:
        limit = int(call.data.get("limit", 15))
        return await hass.async_add_executor_job(_trace_report, hass, limit)

    async def trim(call: ServiceCall) -> ServiceResponse:
        return await hass.async_add_executor_job(_trim)

    for name, handler in (
        ("stats", stats),
        ("trim", trim),
        ("trace_start", trace_start),
        ("trace_report", trace_report),
    ):
        hass.services.async_register(
            DOMAIN, name, handler, supports_response=SupportsResponse.ONLY
        )
    return True
