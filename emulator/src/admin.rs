//! The admin interface under [`ADMIN_PREFIX`], for tests in any language.
//!
//! | method | path | effect |
//! |---|---|---|
//! | GET | `/__emulator/health` | `{"ok": true}` |
//! | GET | `/__emulator/config` | test credentials, SM2 public key, port |
//! | GET | `/__emulator/counts` | `{"total": n, "ops": {op_id: n}}` |
//! | GET | `/__emulator/counts/{op_id}` | `{"op": id, "count": n}` |
//! | POST | `/__emulator/reset` | counters, faults and tokens cleared, clock offset back to config |
//! | GET | `/__emulator/faults` | armed faults |
//! | POST | `/__emulator/faults` | arm one fault object or an array of them |
//! | DELETE | `/__emulator/faults` | disarm all |
//! | POST | `/__emulator/clock` | `{"offset_secs": n}` shifts the judging clock |
//! | GET | `/__emulator/catalog` | the catalog JSON the emulator routes by |
//!
//! A fault object is `{"op": id (omit = any), "kind": k, "count": n (default 1)}` plus the
//! kind's own field: `delay` `"ms"`, `status` `"status"`, `provider_error` `"code"` (a code
//! some catalog operation documents, e.g. `"AI_OP_4201"`); see [`crate::faults::FaultKind`].

use crate::faults::Fault;
use crate::http::{Request, Response};
use crate::state::State;
use serde_json::{json, Value};

/// Reserved path prefix; never a provider path.
pub const ADMIN_PREFIX: &str = "/__emulator";

/// Answers an admin request (`req.path` starts with [`ADMIN_PREFIX`]).
pub fn answer(state: &State, req: &Request, port: u16) -> Response {
    let sub = req
        .path
        .strip_prefix(ADMIN_PREFIX)
        .unwrap_or("")
        .trim_end_matches('/');
    let bad = |msg: &str| Response::json(400, &json!({"error": msg}));
    match (req.method.as_str(), sub) {
        ("GET", "/health") => Response::json(200, &json!({"ok": true})),
        ("GET", "/config") => Response::json(200, &config_json(state, port)),
        ("GET", "/counts") => Response::json(
            200,
            &json!({"total": state.counters.total(), "ops": state.counters.snapshot()}),
        ),
        ("GET", s) if s.starts_with("/counts/") => {
            let op = &s["/counts/".len()..];
            Response::json(200, &json!({"op": op, "count": state.counters.count(op)}))
        }
        ("POST", "/reset") => {
            state.counters.reset();
            state.faults.clear();
            state.tokens.clear();
            state.set_clock_offset_secs(state.config.clock_offset_secs);
            Response::json(200, &json!({"ok": true}))
        }
        ("GET", "/faults") => Response::json(200, &json!({"faults": state.faults.pending()})),
        ("DELETE", "/faults") => {
            state.faults.clear();
            Response::json(200, &json!({"ok": true}))
        }
        ("POST", "/faults") => {
            let parsed: Result<Vec<Fault>, _> = match serde_json::from_slice::<Value>(&req.body) {
                Ok(Value::Array(items)) => items.into_iter().map(serde_json::from_value).collect(),
                Ok(v) => serde_json::from_value(v).map(|f| vec![f]),
                Err(e) => Err(e),
            };
            match parsed {
                Ok(faults) => {
                    let n = faults.len();
                    faults.into_iter().for_each(|f| state.faults.arm(f));
                    Response::json(200, &json!({"ok": true, "armed": n}))
                }
                Err(e) => bad(&format!("fault JSON not understood: {e}")),
            }
        }
        ("POST", "/clock") => match serde_json::from_slice::<Value>(&req.body)
            .ok()
            .and_then(|v| v["offset_secs"].as_i64())
        {
            Some(secs) => {
                state.set_clock_offset_secs(secs);
                Response::json(200, &json!({"ok": true, "offset_secs": secs}))
            }
            None => bad("expected {\"offset_secs\": integer}"),
        },
        ("GET", "/catalog") => Response {
            status: 200,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: cnvision::catalog::to_json().into_bytes(),
        },
        _ => Response::json(
            404,
            &json!({"error": "unknown admin endpoint", "path": req.path}),
        ),
    }
}

/// The test credentials (public test values, not secrets of anything real).
fn config_json(state: &State, port: u16) -> Value {
    let c = &state.config;
    json!({
        "port": port,
        "base_url": format!("http://127.0.0.1:{port}"),
        "clock_offset_secs": state.clock_offset_secs(),
        "date_window_secs": c.date_window_secs,
        "token_ttl_secs": c.token_ttl_secs,
        "credentials": {
            "eop_ak": c.eop_ak, "eop_sk": c.eop_sk, "eop_app_key": c.eop_app_key,
            "legacy_app_key": c.legacy_app_key, "legacy_app_secret": c.legacy_app_secret,
            "huawei_ak": c.huawei_ak, "huawei_sk": c.huawei_sk,
            "huawei_project_id": c.huawei_project_id, "huawei_region": c.huawei_region,
            "iam_user": c.iam_user, "iam_password": c.iam_password, "iam_domain": c.iam_domain,
        },
        "sm2_public_key_spki_b64": state.key.public_spki_b64(),
    })
}
