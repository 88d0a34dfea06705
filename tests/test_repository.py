"""What a HACS integration repository carries: its workflows run the checks CI runs."""

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def _workflows() -> dict[str, dict[Any, Any]]:
    return {
        path.name: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(WORKFLOWS.glob("*.yaml"))
    }


def test_every_workflow_runs_on_push_and_pull_request() -> None:
    workflows = _workflows()

    assert workflows
    for workflow in workflows.values():
        # YAML 1.1 reads the key `on` as True.
        triggers: dict[str, Any] = workflow.get("on", workflow.get(True)) or {}
        assert "push" in triggers
        assert "pull_request" in triggers


def test_the_workflows_run_hassfest_hacs_validation_and_the_ci_script() -> None:
    steps = [step for workflow in _workflows().values() for step in _steps(workflow)]
    uses = {step["uses"].split("@")[0] for step in steps if "uses" in step}
    runs = [step["run"] for step in steps if "run" in step]

    assert "home-assistant/actions/hassfest" in uses
    assert "hacs/action" in uses
    hacs = next(s for s in steps if s.get("uses", "").startswith("hacs/action@"))
    assert hacs["with"]["category"] == "integration"
    assert "bash .ci/run" in runs


def test_the_readme_gives_the_test_command_that_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")

    assert "scripts/test" in readme
    assert "\nscripts/test" in ci
