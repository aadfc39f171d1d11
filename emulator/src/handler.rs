//! One request through the gateway: route, count, faults, authentication, envelope,
//! parameters, limits, result.

use crate::codes::{self, Rejection};
use crate::envelope;
use crate::faults::FaultKind;
use crate::http::{Request, Response};
use crate::reply::{self, Code};
use crate::routing::{route, Route};
use crate::state::State;
use crate::verify::{self, AuthFailure, AuthFailureKind};
use cnvision::catalog::{AuthScheme, Gateway, Operation};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::Duration;

/// What to do with the connection.
#[derive(Debug)]
pub enum Outcome {
    Respond(Response),
    /// Close the socket without answering.
    Reset,
}

/// Handles one non-admin request.
pub fn handle(state: &State, req: &Request) -> Outcome {
    let request_id = req
        .header("ctyun-eop-request-id")
        .map(str::to_string)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let (op, holes) = match route(req) {
        Route::Op(op, holes) => (op, holes),
        Route::WrongMethod(op) => {
            state.counters.hit(op.id);
            let code = wrong_method(op.gateway);
            return Outcome::Respond(reply::error(
                op.gateway,
                &code,
                &format!("{} not allowed", req.method),
                &request_id,
            ));
        }
        Route::Unknown(gateway) => {
            return Outcome::Respond(reply::error(
                gateway,
                &unknown_path(gateway),
                &req.path,
                &request_id,
            ))
        }
    };
    state.counters.hit(op.id);

    let fault = state.faults.take(op.id);
    match fault {
        Some(FaultKind::Delay { ms }) => std::thread::sleep(Duration::from_millis(ms)),
        Some(FaultKind::Reset) => return Outcome::Reset,
        Some(FaultKind::Status { status }) => {
            let code = reply::internal(op.gateway, status);
            return Outcome::Respond(reply::error(
                op.gateway,
                &code,
                "injected fault",
                &request_id,
            ));
        }
        Some(FaultKind::ProviderError { code }) => {
            return Outcome::Respond(reply::error(
                op.gateway,
                &codes::for_injected(op, code),
                "",
                &request_id,
            ));
        }
        Some(FaultKind::Throttle) => {
            return Outcome::Respond(reply::error(
                op.gateway,
                &codes::for_throttle(op),
                "",
                &request_id,
            ));
        }
        _ => {}
    }

    let mut resp = process(state, req, op, &holes, &request_id);
    match fault {
        Some(FaultKind::MalformedJson) => {
            let cut = resp.body.len() / 2;
            resp.body.truncate(cut.max(1));
            resp.body.extend_from_slice(b"<<not json");
        }
        Some(FaultKind::TamperResult) => tamper(&mut resp, "encryptedResult"),
        Some(FaultKind::TamperHash) => tamper(&mut resp, "encryptedResultHash"),
        _ => {}
    }
    Outcome::Respond(resp)
}

fn process(
    state: &State,
    req: &Request,
    op: &'static Operation,
    holes: &HashMap<String, String>,
    request_id: &str,
) -> Response {
    let fail = |code: &Code, details: &str| reply::error(op.gateway, code, details, request_id);

    if op.gateway == Gateway::HuaweiIam {
        return crate::iam_service::answer(state, req, request_id);
    }
    if let Err(f) = authenticate(state, req, op, holes) {
        return fail(&codes::for_auth(op.gateway, &f), &f.reason);
    }

    let encrypted = op.envelope
        && req
            .header("decrypted")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let opened;
    let (plain, session): (&[u8], _) = if encrypted {
        match envelope::open(&req.body, &state.key) {
            Ok((plain, session)) => {
                opened = plain;
                (&opened, Some(session))
            }
            Err(kind) => return fail(&codes::for_envelope(kind), ""),
        }
    } else {
        (&req.body, None)
    };

    let reject = |r: Rejection| fail(&codes::for_rejection(op, &r), &r.detail());
    let has_body_fields = op
        .fields
        .iter()
        .any(|f| f.location == cnvision::catalog::Location::Body);
    let body = if has_body_fields || !plain.is_empty() {
        match crate::params::parse_object(plain) {
            Ok(map) => map,
            Err(r) => return reject(r),
        }
    } else {
        serde_json::Map::new()
    };
    let decoded = match crate::params::decode(op, &body, &req.query, holes) {
        Ok(d) => d,
        Err(r) => return reject(r),
    };
    if let Err(r) = crate::limits::check(op, &decoded) {
        return reject(r);
    }

    let result = crate::results::success(op, request_id);
    let resp = match session {
        Some(session) => match envelope::seal(result.to_string().as_bytes(), &session) {
            Ok(sealed) => Response::json(200, &sealed),
            Err(kind) => return fail(&codes::for_envelope(kind), ""),
        },
        None => Response::json(200, &result),
    };
    reply::with_request_id(op.gateway, resp, request_id)
}

fn authenticate(
    state: &State,
    req: &Request,
    op: &Operation,
    holes: &HashMap<String, String>,
) -> Result<(), AuthFailure> {
    let c = &state.config;
    let now = state.now();
    match op.auth {
        AuthScheme::Eop => verify::eop::verify(
            req,
            verify::eop::EopKeys {
                ak: &c.eop_ak,
                sk: &c.eop_sk,
                app_key: &c.eop_app_key,
            },
            now,
            c.date_window_secs,
        ),
        AuthScheme::CtyunMd5 => {
            verify::ctyun_md5::verify(req, &c.legacy_app_key, &c.legacy_app_secret)
        }
        AuthScheme::CtyunHmac => {
            verify::ctyun_hmac::verify(req, &c.legacy_app_key, &c.legacy_app_secret)
        }
        AuthScheme::Huawei => {
            if verify::apig::is_signed(req) {
                verify::apig::verify(req, &c.huawei_ak, &c.huawei_sk, now, c.date_window_secs)?;
            } else if let Some(token) = req.header("X-Auth-Token") {
                state.tokens.check(token, now)?;
            } else {
                return Err(AuthFailure::new(
                    AuthFailureKind::Missing,
                    "neither X-Auth-Token nor an AK/SK signature",
                ));
            }
            match holes.get("project_id") {
                Some(p) if p != &c.huawei_project_id => Err(AuthFailure::new(
                    AuthFailureKind::WrongProject,
                    "project id in the URL is not the caller's",
                )),
                _ => Ok(()),
            }
        }
        AuthScheme::None => Ok(()),
    }
}

fn wrong_method(gateway: Gateway) -> Code {
    match gateway {
        Gateway::CtyunEop => Code::new("40008", "不支持的请求类型", 405),
        Gateway::CtyunAiop => Code::new("4004", "请求方法错误，请使用 POST 请求", 200),
        Gateway::Ctyun2019 => Code::new("4007", "请求 JSON 处理异常", 405),
        Gateway::HuaweiImage => Code::new("AIS.0013", "The request method is not allowed.", 400),
        Gateway::HuaweiIam => Code::new(
            "Method Not Allowed",
            "The request method is not allowed.",
            405,
        ),
    }
}

fn unknown_path(gateway: Gateway) -> Code {
    match gateway {
        Gateway::CtyunEop => Code::new("50003", "API中无效的URL请求", 404),
        Gateway::CtyunAiop => Code::new("4000", "请求路径错误", 404),
        Gateway::Ctyun2019 => Code::new("404", "请求路径错误", 404),
        Gateway::HuaweiImage => Code::new(
            "APIG.0101",
            "The API does not exist or has not been published.",
            404,
        ),
        Gateway::HuaweiIam => Code::new("Not Found", "The resource could not be found.", 404),
    }
}

/// Flips a byte of `field` in a JSON body (encrypted answers only; others unchanged).
fn tamper(resp: &mut Response, field: &str) {
    let Ok(mut v) = serde_json::from_slice::<Value>(&resp.body) else {
        return;
    };
    if let Some(Value::String(text)) = v.get(field) {
        let t = envelope::tamper(text);
        v[field] = json!(t);
        resp.body = v.to_string().into_bytes();
    }
}
