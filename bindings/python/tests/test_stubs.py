"""The .pyi stubs match the native module, and the package type-checks."""

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


def test_package_is_mypy_strict_clean() -> None:
    import cnvision

    pkg = __import__("pathlib").Path(cnvision.__file__).parent
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "-p", "cnvision"],
        capture_output=True,
        text=True,
        cwd=str(pkg.parent),
    )
    assert out.returncode == 0, out.stdout + out.stderr
