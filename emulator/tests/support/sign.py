"""Signs one request with the providers' OFFICIAL Python SDKs (independent of cnvision).

stdin: {"scheme": "eop"|"sdk-hmac-sha256"|"sdk-hmac-sm3"|"v11-hmac-sha256",
        "ak", "sk", "method", "path", "query": [[k, v]...], "headers": {..}, "body": str,
        "date": "yyyyMMddTHHmmssZ" (eop: Beijing; apig: UTC), "request_id", "region", "service"}
stdout: {"headers": {name: value}} to add to the request.
"""
import json
import sys
from types import SimpleNamespace

req = json.load(sys.stdin)
cred = SimpleNamespace(ak=req["ak"], sk=req["sk"])
scheme = req["scheme"]
if scheme == "eop":
    from ctyun_python_sdk_core.sign_util import sign
    params = dict(req.get("query") or [])
    auth = sign(cred, params, req["body"], req["request_id"], req["date"])
    out = {"Eop-Authorization": auth, "eop-date": req["date"], "ctyun-eop-request-id": req["request_id"]}
else:
    from huaweicloudsdkcore.sdk_request import SdkRequest
    from huaweicloudsdkcore.signer import signer

    headers = dict(req.get("headers") or {})
    headers["X-Sdk-Date"] = req["date"]
    r = SdkRequest(method=req["method"], schema="http", host=headers.get("Host"),
                   resource_path=req["path"], query_params=[tuple(q) for q in req.get("query") or []],
                   header_params=headers, body=req["body"])
    if scheme == "sdk-hmac-sha256":
        signer.Signer(cred).sign(r)
    elif scheme == "sdk-hmac-sm3":
        signer.SM3Signer(cred).sign(r)
    elif scheme == "v11-hmac-sha256":
        signer.DerivationAKSKSigner(cred).sign(r, req["service"], req["region"])
    else:
        raise SystemExit("unknown scheme " + scheme)
    out = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in r.header_params.items()}
json.dump({"headers": out}, sys.stdout)
