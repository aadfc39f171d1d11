"""The .pyi stubs match the native module, and the package type-checks."""

import pathlib
import subprocess
import sys


def test_stubtest_native_module_and_package() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "cnvision"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_package_ships_py_typed() -> None:
    import importlib.resources as res

    assert (res.files("cnvision") / "py.typed").is_file()
    assert (res.files("cnvision") / "_native.pyi").is_file()


def test_package_is_mypy_strict_clean(tmp_path: "pathlib.Path") -> None:
    # Run from an empty directory: mypy finds the installed, py.typed package.
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "-p", "cnvision"],
        capture_output=True,
        text=True,
        cwd=str(tmp_path),
    )
    assert out.returncode == 0, out.stdout + out.stderr
