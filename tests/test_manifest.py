"""The integration's manifest, requirements and translations agree with each other."""

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from homeassistant import loader
from homeassistant.core import HomeAssistant
from homeassistant.helpers import translation
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.nfc_jukebox.const import DOMAIN

ROOT = Path(__file__).parent.parent
INTEGRATION_DIR = ROOT / "custom_components" / DOMAIN
LANGUAGES = ["de", "en", "nl"]


def _read_json(path: Path) -> dict[str, Any]:
    """Read a JSON object from a file."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _pinned_requirements() -> dict[str, str]:
    """Map each package pinned in requirements.txt to its `name==version` line."""
    pins = {}
    for raw in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if "==" in line:
            pins[line.split("==", 1)[0].lower()] = line
    return pins


def _key_paths(tree: dict[str, Any], prefix: str = "") -> set[str]:
    """Return every key of a nested translation dictionary as a dotted path."""
    paths = set()
    for key, value in tree.items():
        path = f"{prefix}{key}"
        paths.add(path)
        if isinstance(value, dict):
            paths |= _key_paths(value, f"{path}.")
    return paths


async def test_home_assistant_finds_the_integration(hass: HomeAssistant) -> None:
    integration = await loader.async_get_integration(hass, DOMAIN)

    assert integration.domain == DOMAIN
    assert integration.name == "NFC Jukebox"
    assert integration.config_flow is True
    assert not integration.is_built_in
    assert integration.dependencies == ["tag"]
    assert str(integration.version) == "0.3.0"


async def test_manifest_requirements_match_requirements_txt(
    hass: HomeAssistant,
) -> None:
    integration = await loader.async_get_integration(hass, DOMAIN)
    pins = _pinned_requirements()

    assert integration.requirements
    for requirement in integration.requirements:
        name = requirement.split("==", 1)[0].lower()
        assert pins.get(name) == requirement


def test_the_library_alone_pins_what_the_manifest_requires_but_feedparser() -> None:
    manifest = _read_json(INTEGRATION_DIR / "manifest.json")
    lines = (ROOT / "requirements_library.txt").read_text(encoding="utf-8").splitlines()
    library = {
        line.strip() for line in lines if "==" in line and not line.startswith("#")
    }

    # feedparser reads podcast feeds, evdev the USB keyboard readers
    # (readers/keyboard.py), av and numpy make recordings (audio/): the
    # integration's, not the library's
    integration_only = ("feedparser==", "evdev==", "av==", "numpy==")
    required = {
        pin for pin in manifest["requirements"] if not pin.startswith(integration_only)
    }
    assert required <= library
    # and pyserial, which pyserial-asyncio-fast brings, as Home Assistant's venv has it
    assert library - required == {"pyserial==3.5"}


def test_evdev_is_pinned_as_home_assistant_pins_it() -> None:
    manifest = _read_json(INTEGRATION_DIR / "manifest.json")
    keyboard_remote = Path(loader.__file__).parent / "components" / "keyboard_remote"

    pins = set(_read_json(keyboard_remote / "manifest.json")["requirements"])
    assert "evdev==1.9.3" in pins
    assert "evdev==1.9.3" in manifest["requirements"]


def test_manifest_version_matches_pyproject() -> None:
    manifest = _read_json(INTEGRATION_DIR / "manifest.json")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")

    assert f'version = "{manifest["version"]}"' in pyproject
    assert tomllib.loads(pyproject)["project"]["version"] == manifest["version"]


def test_the_newest_version_in_the_changelog_is_the_manifests() -> None:
    manifest = _read_json(INTEGRATION_DIR / "manifest.json")
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")

    released = re.findall(
        r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.MULTILINE
    )
    headings = re.findall(r"^## \[([^\]]+)\]", changelog, re.MULTILINE)

    assert released[0] == manifest["version"]
    # Keep a Changelog: at most an Unreleased section above the newest version, and
    # every version once, newest first.
    assert headings[: headings.index(released[0])] in ([], ["Unreleased"])
    assert released == sorted(
        released, key=lambda v: tuple(int(n) for n in v.split(".")), reverse=True
    )
    assert len(set(released)) == len(released)
    for heading in headings:
        assert f"[{heading}]: " in changelog


@pytest.mark.parametrize("language", LANGUAGES)
def test_translation_has_the_keys_of_strings_json(language: str) -> None:
    strings = _read_json(INTEGRATION_DIR / "strings.json")
    translated = _read_json(INTEGRATION_DIR / "translations" / f"{language}.json")

    assert _key_paths(translated) == _key_paths(strings)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_home_assistant_loads_every_translated_string(
    hass: HomeAssistant, language: str
) -> None:
    translated = _read_json(INTEGRATION_DIR / "translations" / f"{language}.json")

    for category in _read_json(INTEGRATION_DIR / "strings.json"):
        loaded = await translation.async_get_translations(
            hass, language, category, [DOMAIN]
        )

        assert loaded == translation.recursive_flatten(
            f"component.{DOMAIN}.", {category: translated[category]}
        )


@pytest.mark.parametrize("image", ["icon.png", "logo.png", "dark_logo.png"])
async def test_home_assistant_serves_the_brand_images(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, image: str
) -> None:
    assert await async_setup_component(hass, "brands", {})
    client = await hass_client()

    response = await client.get(f"/api/brands/integration/{DOMAIN}/{image}")

    assert response.status == 200
    assert await response.read() == (INTEGRATION_DIR / "brand" / image).read_bytes()
