"""Repository conventions that nothing else checks: lint clean, README commands true."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPO


def test_ruff_is_clean() -> None:
    beside_python = Path(sys.executable).parent / "ruff"
    ruff = str(beside_python) if beside_python.exists() else shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (install the test extras)")
    result = subprocess.run([ruff, "check", str(REPO)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_opens_with_two_setup_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = readme.split("<!-- /test-command -->")[0]
    commands = re.findall(r"^```(?:bash|sh)\n(.+?)\n```", setup, flags=re.M | re.S)
    assert len(commands) == 2, commands
    assert commands[0].rstrip().endswith("faultline demo")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in script and "README.md" in script
