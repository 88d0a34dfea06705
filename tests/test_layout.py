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
        if not {"pn532", "rc522"} & set(path.relative_to(INTEGRATION).parts)
        and any(
            name.startswith(("pn532.emulator", "rc522.emulator"))
            for name, _ in _runtime_imports(path)
        )
    }

    assert importers == {"readers/simulated.py"}


def test_the_library_imports_nothing_of_the_integration_or_home_assistant() -> None:
    paths = [
        *(INTEGRATION / "pn532").rglob("*.py"),
        *(INTEGRATION / "rc522").rglob("*.py"),
    ]
    for path in paths:
        for name, relative in _runtime_imports(path):
            if relative:
                assert name.startswith(("pn532", "rc522")), (path, name)
            else:
                assert not name.startswith(("homeassistant", "custom_components")), (
                    path,
                    name,
                )


def _unit(name: str) -> str:
    """Return the top-level module or package of the integration a name is in."""
    return name.split(".", 1)[0]


def _unit_graph() -> dict[str, set[str]]:
    """Return which of the integration's top-level modules and packages import which."""
    graph: dict[str, set[str]] = {}
    for path in INTEGRATION.rglob("*.py"):
        unit = path.relative_to(INTEGRATION).with_suffix("").parts[0]
        uses = graph.setdefault(unit, set())
        for name, relative in _runtime_imports(path):
            if relative and name and _unit(name) != unit:
                uses.add(_unit(name))
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one cycle of ``graph``, or None when it has none."""
    done: set[str] = set()

    def visit(unit: str, path: list[str]) -> list[str] | None:
        if unit in path:
            return [*path[path.index(unit) :], unit]
        if unit in done:
            return None
        for used in sorted(graph.get(unit, ())):
            if found := visit(used, [*path, unit]):
                return found
        done.add(unit)
        return None

    for unit in sorted(graph):
        if found := visit(unit, []):
            return found
    return None


def test_no_import_runs_upward() -> None:
    """The integration's modules and packages import in layers: no cycle among them."""
    assert _cycle(_unit_graph()) is None


def test_the_layer_check_sees_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
