//! Finds the catalog operation a request is for, by method and path template.

use crate::http::Request;
use cnvision::catalog::{self, AuthScheme, Gateway, Operation};
use std::collections::HashMap;

/// Outcome of routing.
#[derive(Debug)]
pub enum Route {
    /// The operation and the values of its path holes (`project_id`, `service_code`).
    Op(&'static Operation, HashMap<String, String>),
    /// A path of some operation, asked with another method.
    WrongMethod(&'static Operation),
    /// No operation has this path; the gateway guessed from the path and headers.
    Unknown(Gateway),
}

/// Routes `req` over `catalog::all()`.
pub fn route(req: &Request) -> Route {
    let path = req.path.as_str();
    let mut best: Option<(i32, &'static Operation, HashMap<String, String>)> = None;
    let mut wrong_method = None;
    for op in catalog::all() {
        let Some(holes) = match_template(template_path(op.path), path) else {
            continue;
        };
        if !op.method.as_str().eq_ignore_ascii_case(&req.method) {
            wrong_method.get_or_insert(op);
            continue;
        }
        let literal = template_path(op.path)
            .split('/')
            .filter(|s| !s.starts_with('{'))
            .count() as i32;
        let score = literal + if carries_marker(req, op.auth) { 100 } else { 0 };
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, op, holes));
        }
    }
    match (best, wrong_method) {
        (Some((_, op, holes)), _) => Route::Op(op, holes),
        (None, Some(op)) => Route::WrongMethod(op),
        (None, None) => Route::Unknown(guess_gateway(req)),
    }
}

/// The path part of a catalog path (some carry a fixed query).
fn template_path(path: &str) -> &str {
    path.split('?').next().unwrap_or(path)
}

/// Segment-wise match; `{name}` matches one non-empty segment.
fn match_template(template: &str, path: &str) -> Option<HashMap<String, String>> {
    let t: Vec<&str> = template.trim_end_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    if t.len() != p.len() {
        return None;
    }
    let mut holes = HashMap::new();
    for (ts, ps) in t.iter().zip(&p) {
        if let Some(name) = ts.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            if ps.is_empty() {
                return None;
            }
            holes.insert(name.to_string(), ps.to_string());
        } else if ts != ps {
            return None;
        }
    }
    Some(holes)
}

/// Whether `req` carries the credentials header of `scheme` (disambiguates the EOP and
/// `Sign` gateways, which share `/v1/aiop/api/...` paths).
fn carries_marker(req: &Request, scheme: AuthScheme) -> bool {
    let auth = req.header("Authorization").unwrap_or("");
    match scheme {
        AuthScheme::Eop => req.header("Eop-Authorization").is_some(),
        AuthScheme::CtyunMd5 => req.header("Sign").is_some(),
        AuthScheme::CtyunHmac => auth.starts_with("CTYUN "),
        AuthScheme::Huawei => {
            req.header("X-Auth-Token").is_some()
                || auth.starts_with("SDK-")
                || auth.starts_with("V11-")
        }
        AuthScheme::None => false,
    }
}

fn guess_gateway(req: &Request) -> Gateway {
    let p = req.path.as_str();
    if p.starts_with("/v3/auth") || p.starts_with("/v3/projects") {
        Gateway::HuaweiIam
    } else if p.starts_with("/v1/aiop/api/") {
        if req.header("Sign").is_some() {
            Gateway::CtyunAiop
        } else {
            Gateway::CtyunEop
        }
    } else if p.starts_with("/v1.0/") || p.starts_with("/v2/") || p.starts_with("/v3/") {
        Gateway::HuaweiImage
    } else if p.ends_with(".json") {
        Gateway::Ctyun2019
    } else {
        Gateway::CtyunEop
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        let h = match_template("/v2/{project_id}/image/tagging", "/v2/abc/image/tagging").unwrap();
        assert_eq!(h["project_id"], "abc");
        assert!(match_template("/v2/{project_id}/image/tagging", "/v2//image/tagging").is_none());
        assert!(match_template("/v2/{project_id}/image/tagging", "/v2/a/image/other").is_none());
        assert!(match_template("/a/b", "/a/b/").is_some());
    }
}
