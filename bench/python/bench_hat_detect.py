#!/usr/bin/env python3
"""Calls per second of hard-hat detection (ctyun.safety.hat_detect) on a 1 MB JPEG
against the in-process emulator: cnvision versus the manual's own approach
(manual 000 §4.1.4: requests + hashlib/hmac, body JSON-encoded twice, a new
connection per call), in the same run and against the same emulator.

    pip install ./bindings/python requests     # release build of cnvision
    python3 bench/python/bench_hat_detect.py [--seconds 5] [--threads 1]

Prints both rates and the ratio. Not a test: nothing is asserted on timings.
"""

import argparse
import base64
import hashlib
import hmac
import json
import pathlib
import threading
import time
import uuid
from typing import Callable, Dict, Tuple

import requests

import cnvision
from cnvision.testing import Emulator

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "media" / "image_640x480_exif.jpg"
PATH = "/v1/aiop/api/2f3uquanbrpc/SafeHat/base/hat_detect"
MB = 1024 * 1024


def one_mb_jpeg() -> bytes:
    """The 640×480 fixture padded after its EOI marker to exactly 1 MiB: a valid JPEG
    (decoders stop at EOI) of the size the benchmark asks for."""
    data = FIXTURE.read_bytes()
    return data + b"\0" * (MB - len(data))


# ---- manual 000 §4.1.4, verbatim except where noted ------------------------------


def sha256(content: str) -> str:
    x = hashlib.sha256()
    x.update(content.encode())
    return x.hexdigest().upper()


def hmac_sha256(key: bytes, content: bytes) -> bytes:
    sign = hmac.new(key, content, digestmod="sha256").digest()
    return base64.b64encode(sign)


def get_signature(
    ak: str, sk: str, app_key: str, params: Dict[str, str], request_url: str
) -> Tuple[str, str, str]:
    request_id = str(uuid.uuid1())
    # The manual formats time.localtime(); the gateway judges Beijing time, so a
    # host on UTC would be 8 h off and rejected. Beijing time here, as the gateway needs.
    now_time = time.gmtime(time.time() + 8 * 3600)
    eop_date = time.strftime("%Y%m%dT%H%M%SZ", now_time)
    eop_date_simple = time.strftime("%Y%m%d", now_time)
    camp_header = "appkey:{0}\nctyun-eop-request-id:{1}\neop-date:{2}\n".format(
        app_key, request_id, eop_date
    )
    from urllib.parse import urlparse

    query = urlparse(request_url).query
    query_params = sorted(query.split("&"))
    after_query = ""
    for query_param in query_params:
        if len(after_query) < 1:
            after_query += query_param
        else:
            after_query += "&" + query_param
    content_hash = sha256(json.dumps(params)).lower()
    pre_signature = camp_header + "\n" + after_query + "\n" + content_hash
    k_time = hmac_sha256(sk.encode("utf-8"), eop_date.encode("utf-8"))
    k_ak = hmac_sha256(base64.b64decode(k_time), ak.encode("utf-8"))
    k_date = hmac_sha256(base64.b64decode(k_ak), eop_date_simple.encode("utf-8"))
    signature = hmac_sha256(base64.b64decode(k_date), pre_signature.encode("utf-8"))
    sign_header = "{0} Headers=appkey;ctyun-eop-request-id;eop-date Signature={1}".format(
        ak, signature.decode()
    )
    return request_id, eop_date, sign_header


def manual_call(base_url: str, creds: Dict[str, str], image: bytes) -> None:
    request_url = base_url + PATH
    img_base64 = base64.b64encode(image).decode()
    params = {"image": img_base64}
    request_id, eop_date, sign_header = get_signature(
        creds["ctyun_ak"], creds["ctyun_sk"], creds["ctyun_app_key"], params, request_url
    )
    headers = {
        "Content-Type": "application/json;charset=UTF-8",
        "ctyun-eop-request-id": request_id,
        "appkey": creds["ctyun_app_key"],
        "Eop-Authorization": sign_header,
        "eop-date": eop_date,
    }
    response = requests.post(request_url, data=json.dumps(params), headers=headers)
    body = response.json()
    if response.status_code != 200 or body.get("statusCode") != 0:
        raise RuntimeError(f"manual approach failed: {response.status_code} {body}")


# ---- harness ----------------------------------------------------------------------


def rate(fn: Callable[[], None], seconds: float, threads: int) -> float:
    fn()  # warm-up (connections, caches)
    stop = time.perf_counter() + seconds
    counts = [0] * threads

    def worker(i: int) -> None:
        while time.perf_counter() < stop:
            fn()
            counts[i] += 1

    start = time.perf_counter()
    ts = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return sum(counts) / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=5.0, help="measuring time per side")
    ap.add_argument("--threads", type=int, default=1, help="concurrent callers per side")
    args = ap.parse_args()

    image = one_mb_jpeg()
    with Emulator() as emu, emu.client() as client:
        creds = Emulator.credentials()

        def ours() -> None:
            r = client.ctyun_safety_hat_detect(image=image)
            if r.http_status != 200:
                raise RuntimeError(r)

        def theirs() -> None:
            manual_call(emu.base_url, creds, image)

        manual = rate(theirs, args.seconds, args.threads)
        cnv = rate(ours, args.seconds, args.threads)
        print(f"image: {len(image)} bytes JPEG; threads per side: {args.threads}")
        print(f"manual 000 §4.1.4 (requests + hashlib): {manual:8.1f} calls/s")
        print(f"cnvision {cnvision.__version__:<30} {cnv:8.1f} calls/s")
        print(f"ratio cnvision / manual: {cnv / manual:.2f}x")
        print(f"emulator counted {emu.count('ctyun.safety.hat_detect')} calls")


if __name__ == "__main__":
    main()
