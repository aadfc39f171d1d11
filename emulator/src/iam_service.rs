//! The emulator's Huawei IAM endpoints: `POST /v3/auth/tokens` (password identity,
//! token in `X-Subject-Token`, HTTP 201) and `GET /v3/projects?name=` (token or AK/SK).

use crate::codes;
use crate::http::{Request, Response};
use crate::reply::{self, Code};
use crate::state::State;
use crate::verify::{self, AuthFailure, AuthFailureKind};
use cnvision::catalog::Gateway;
use serde_json::json;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Answers an IAM operation.
pub fn answer(state: &State, req: &Request, request_id: &str) -> Response {
    let c = &state.config;
    let fail = |f: AuthFailure| {
        reply::error(
            Gateway::HuaweiIam,
            &codes::for_auth(Gateway::HuaweiIam, &f),
            &f.reason,
            request_id,
        )
    };
    if req.path.trim_end_matches('/').ends_with("/auth/tokens") {
        let Ok(body) = serde_json::from_slice::<serde_json::Value>(&req.body) else {
            let code = Code::new("Bad Request", "The request body is not JSON.", 400);
            return reply::error(Gateway::HuaweiIam, &code, "", request_id);
        };
        let project = match verify::iam::check_password_request(
            &body,
            &c.iam_user,
            &c.iam_password,
            &c.iam_domain,
        ) {
            Ok(p) => p,
            Err(f) => return fail(f),
        };
        let now = state.now();
        let expires = now + c.token_ttl_secs as i64;
        let token = state.tokens.issue(expires);
        let iso = |t: i64| {
            OffsetDateTime::from_unix_timestamp(t)
                .ok()
                .and_then(|d| d.format(&Rfc3339).ok())
                .unwrap_or_default()
        };
        let body = json!({
            "token": {
                "expires_at": iso(expires),
                "issued_at": iso(now),
                "methods": ["password"],
                "user": {"name": c.iam_user, "domain": {"name": c.iam_domain}},
                "project": {"id": c.huawei_project_id, "name": project.unwrap_or_else(|| c.huawei_region.clone())},
            }
        });
        return reply::with_request_id(Gateway::HuaweiIam, Response::json(201, &body), request_id)
            .with_header("X-Subject-Token", token);
    }
    // /v3/projects and any other IAM read: token or AK/SK.
    let now = state.now();
    let auth = if verify::apig::is_signed(req) {
        verify::apig::verify(req, &c.huawei_ak, &c.huawei_sk, now, c.date_window_secs)
    } else if let Some(token) = req.header("X-Auth-Token") {
        state.tokens.check(token, now)
    } else {
        Err(AuthFailure::new(
            AuthFailureKind::Missing,
            "neither X-Auth-Token nor an AK/SK signature",
        ))
    };
    if let Err(f) = auth {
        return fail(f);
    }
    let wanted = req.query_param("name");
    let projects: Vec<_> = if wanted.is_none_or(|n| n == c.huawei_region) {
        vec![
            json!({"id": c.huawei_project_id, "name": c.huawei_region, "enabled": true, "domain_id": "emu-domain-id"}),
        ]
    } else {
        Vec::new()
    };
    reply::with_request_id(
        Gateway::HuaweiIam,
        Response::json(
            200,
            &json!({"projects": projects, "links": {"self": req.path}}),
        ),
        request_id,
    )
}
