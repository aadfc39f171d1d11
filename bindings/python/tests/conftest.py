"""Shared fixtures: one in-process emulator per session, media from tests/fixtures."""

import pathlib
from typing import Iterator

import pytest

import cnvision
from cnvision.testing import Emulator

REPO = pathlib.Path(__file__).resolve().parents[3]
MEDIA = REPO / "tests" / "fixtures" / "media"
VECTORS = REPO / "tests" / "vectors"
JPEG = MEDIA / "image_640x480_exif.jpg"


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    with Emulator() as emu:
        yield emu


@pytest.fixture
def emu(emulator: Emulator) -> Emulator:
    emulator.reset()
    return emulator


@pytest.fixture
def client(emu: Emulator) -> Iterator[cnvision.Client]:
    with emu.client() as c:
        yield c
