"""Installed, not cloned: a wheel built from this checkout runs ``faultline demo`` on its own."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_demo_runs_from_an_installed_wheel(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                    str(REPO)], check=True)
    wheel = next(wheels.glob("faultline-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # The locked dependencies come from this test run's environment (a .pth file adds its
    # site-packages after the new venv's own), so only the wheel itself is installed here.
    purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = subprocess.run([str(python), "-c", purelib],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "locked_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
                   check=True)
    workdir = tmp_path / "elsewhere"  # no source checkout, no ../shared beside it
    workdir.mkdir()
    located = subprocess.run([str(python), "-c", "import faultline; print(faultline.__file__)"],
                             cwd=workdir, check=True, capture_output=True, text=True)
    assert str(env_dir) in located.stdout, "the wheel's copy must be the one imported"
    env = {**os.environ, "PATH": f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    demo = subprocess.run([str(env_dir / "bin" / "faultline"), "demo", "--db", "demo.duckdb"],
                          cwd=workdir, env=env, capture_output=True, text=True, timeout=600)
    assert demo.returncode == 0, demo.stderr
    assert "counted events" in demo.stdout
    assert "sample corpus not found" not in demo.stderr
    assert (workdir / "demo.duckdb").is_file()
