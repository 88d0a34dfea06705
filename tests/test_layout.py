"""The integration's layout: what may import what."""

import ast
from pathlib import Path

INTEGRATION = Path(__file__).parent.parent / "custom_components" / "nfc_jukebox"


def _runtime_imports(path: Path) -> set[tuple[str, bool]]:
    """Return what ``path`` imports when it runs, and whether relatively.

    Relative imports are resolved from the integration's folder ("pn532.frames");
    imports for type checking only are left out.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for statement in block.body
        for node in ast.walk(statement)
    }
    package = path.relative_to(INTEGRATION).parent.parts
    imported = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            imported |= {(alias.name, False) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            parts = [*base, node.module] if node.module else list(base)
            imported.add((".".join(parts), node.level > 0))
    return imported


def test_only_the_simulated_reader_imports_the_emulator() -> None:
    importers = {
        path.relative_to(INTEGRATION).as_posix()
        for path in INTEGRATION.rglob("*.py")
        if "pn532" not in path.relative_to(INTEGRATION).parts
        and any(name.startswith("pn532.emulator") for name, _ in _runtime_imports(path))
    }

    assert importers == {"readers/simulated.py"}


def test_the_library_imports_nothing_of_the_integration_or_home_assistant() -> None:
    for path in (INTEGRATION / "pn532").rglob("*.py"):
        for name, relative in _runtime_imports(path):
            if relative:
                assert name.startswith("pn532"), (path, name)
            else:
                assert not name.startswith(("homeassistant", "custom_components")), (
                    path,
                    name,
                )
