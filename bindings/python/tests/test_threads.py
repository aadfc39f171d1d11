"""One client shared by 8 threads."""

import threading
from typing import List

import cnvision
from cnvision.testing import Emulator

from conftest import JPEG

HAT = "ctyun.safety.hat_detect"


def test_eight_threads_share_one_client(emu: Emulator, client: cnvision.Client) -> None:
    per_thread = 10
    errors: List[BaseException] = []
    ids: List[str] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def worker(n: int) -> None:
        try:
            start.wait()
            for i in range(per_thread):
                r = client.ctyun_safety_hat_detect(
                    image=JPEG, encrypt=i % 2 == 0, request_id=f"t{n}-{i}"
                )
                assert r.data[0].classname == "blue_hat"
                with lock:
                    ids.append(r.request_id or "")
        except BaseException as e:  # collected and re-raised in the main thread
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert sorted(ids) == sorted(f"t{n}-{i}" for n in range(8) for i in range(per_thread))
    assert emu.count(HAT) == 8 * per_thread
