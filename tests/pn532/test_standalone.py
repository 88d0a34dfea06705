"""The library, its command line and its emulator import without Home Assistant."""

from __future__ import annotations

import subprocess
import sys

from .support import LIBRARY_HOME, REPO_ROOT

IMPORTS = """
import sys
sys.path.insert(0, sys.argv[1])
import pn532
import pn532.emulator
import pn532.__main__
import types
package = types.ModuleType("nfc_jukebox")
package.__path__ = [sys.argv[1]]
sys.modules["nfc_jukebox"] = package
import nfc_jukebox.rc522
import nfc_jukebox.rc522.emulator
print(sorted({name.split(".")[0] for name in sys.modules} & {"homeassistant", "custom_components"}))
"""


def test_the_library_imports_no_home_assistant() -> None:
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", IMPORTS, str(REPO_ROOT / LIBRARY_HOME)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout == "[]\n", result.stderr
