//! An operation plus the caller's (already validated) inputs → the unsigned request:
//! URL with path holes filled and query encoded, fixed headers, body bytes.

use crate::auth::encode;
use crate::catalog::{Location, Method, Operation};
use crate::config::ClientConfig;
use crate::error::{Error, Result};
use crate::media::MediaInputs;
use serde_json::{Map, Value};

/// Constant body members that are not caller fields, per operation:
/// (op id, JSON pointer, JSON text). `huawei.iam.token` always authenticates by
/// password (manual 004 §3.2), so `auth.identity.methods` is fixed.
const BODY_CONSTANTS: &[(&str, &str, &str)] = &[(
    "huawei.iam.token",
    "/auth/identity/methods",
    r#"["password"]"#,
)];

/// The parts of a request before signing. The body is moved into the
/// [`crate::transport::HttpRequest`] later, never copied.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// Absolute URL as sent (base + path + `?query`).
    pub url: String,
    /// Host (and `:port` when given) of the URL, for signers that sign `Host`.
    pub host: String,
    /// Path as sent, holes filled, starting with `/`, without query.
    pub path: String,
    /// Query pairs, decoded, in sending order.
    pub query: Vec<(String, String)>,
    /// Fixed headers of the operation plus `Content-Type` for a JSON body.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Builds the unsigned request of `op`. `project_id` fills `{project_id}`; every
/// other hole comes from a `Location::Path` parameter of the same name.
pub(crate) fn prepare(
    op: &Operation,
    config: &ClientConfig,
    params: &Map<String, Value>,
    media: &MediaInputs<'_>,
    project_id: Option<&str>,
) -> Result<Prepared> {
    let path = fill_path(op, params, project_id)?;
    let query = query_pairs(op, params)?;
    let base = config.base_url(op.gateway)?;
    let host = host_of(&base)?;
    let mut url = String::with_capacity(base.len() + path.len() + 64);
    url.push_str(&base);
    url.push_str(&path);
    for (i, (k, v)) in query.iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        url.push_str(&encode::rfc3986(k));
        url.push('=');
        url.push_str(&encode::rfc3986(v));
    }
    let mut headers: Vec<(String, String)> = op
        .headers
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    let body = match op.method {
        Method::Get => Vec::new(),
        Method::Post => {
            headers.push(("Content-Type".to_string(), "application/json".to_string()));
            if op.fields.iter().any(|f| f.name.starts_with('/')) {
                nested_body(op, params)?
            } else {
                crate::request::body::build(op, params, media)?
            }
        }
    };
    Ok(Prepared {
        url,
        host,
        path,
        query,
        headers,
        body,
    })
}

/// Checks the caller's path parameters (the `{project_id}` hole is filled later).
pub(crate) fn check_path_params(op: &Operation, params: &Map<String, Value>) -> Result<()> {
    fill_path(op, params, Some("project")).map(|_| ())
}

/// `{name}` holes of the path, filled. A value must be a non-empty run of RFC 3986
/// unreserved characters, so it can neither add segments nor change the query.
fn fill_path(
    op: &Operation,
    params: &Map<String, Value>,
    project_id: Option<&str>,
) -> Result<String> {
    let mut out = String::with_capacity(op.path.len() + 40);
    let mut rest = op.path;
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}').map(|e| start + e).ok_or_else(|| {
            Error::internal(format!("catalog path of {} has an open hole", op.id))
        })?;
        out.push_str(&rest[..start]);
        let name = &rest[start + 1..end];
        let value: String = if name == "project_id" {
            project_id
                .ok_or_else(|| Error::internal("project id not resolved before building the path"))?
                .to_string()
        } else {
            let field = op
                .fields
                .iter()
                .find(|f| f.name == name && f.location == Location::Path)
                .ok_or_else(|| {
                    Error::internal(format!(
                        "catalog path hole {{{name}}} of {} has no field",
                        op.id
                    ))
                })?;
            match params.get(field.name) {
                Some(Value::String(s)) => s.clone(),
                Some(_) => return Err(Error::invalid_input(name, "must be a string")),
                None => return Err(Error::invalid_input(name, "is required (path parameter)")),
            }
        };
        if value.is_empty()
            || value.bytes().all(|b| b == b'.')
            || !value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b))
        {
            return Err(Error::invalid_input(
                name,
                "path parameter must use only A-Z a-z 0-9 - _ . ~ and not be only dots",
            ));
        }
        out.push_str(&value);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `Location::Query` parameters (or their defaults) as text, in catalog order.
fn query_pairs(op: &Operation, params: &Map<String, Value>) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for field in op.fields.iter().filter(|f| f.location == Location::Query) {
        let given;
        let value = match (params.get(field.name), field.default) {
            (Some(v), _) => v,
            (None, Some(d)) => {
                given = serde_json::from_str::<Value>(d).map_err(|e| {
                    Error::internal(format!(
                        "catalog default of {} is not JSON: {e}",
                        field.name
                    ))
                })?;
                &given
            }
            (None, None) => continue,
        };
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => {
                return Err(Error::invalid_input(
                    field.name,
                    "query parameter must be a string, number or boolean",
                ))
            }
        };
        out.push((field.name.to_string(), text));
    }
    Ok(out)
}

/// A body whose field names are JSON pointers (`/auth/identity/...`): members are
/// placed at their pointers, objects on the way created. Such bodies are small
/// (no media), so a `Value` tree is fine here.
fn nested_body(op: &Operation, params: &Map<String, Value>) -> Result<Vec<u8>> {
    let mut root = Value::Object(Map::new());
    for field in op.fields.iter().filter(|f| f.location == Location::Body) {
        let value = match (params.get(field.name), field.default) {
            (Some(v), _) => v.clone(),
            (None, Some(d)) => serde_json::from_str(d).map_err(|e| {
                Error::internal(format!(
                    "catalog default of {} is not JSON: {e}",
                    field.name
                ))
            })?,
            (None, None) => continue,
        };
        set_pointer(&mut root, field.name, value)?;
    }
    for (_, pointer, json) in BODY_CONSTANTS.iter().filter(|(id, _, _)| *id == op.id) {
        let value = serde_json::from_str(json)
            .map_err(|e| Error::internal(format!("body constant {pointer}: {e}")))?;
        set_pointer(&mut root, pointer, value)?;
    }
    serde_json::to_vec(&root).map_err(|e| Error::internal(e.to_string()))
}

/// Sets `value` at RFC 6901 `pointer` (`~1` = `/`, `~0` = `~`), creating objects.
fn set_pointer(root: &mut Value, pointer: &str, value: Value) -> Result<()> {
    let tokens: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    let Some((last, parents)) = tokens.split_last() else {
        return Err(Error::internal(format!("empty JSON pointer {pointer:?}")));
    };
    let mut node = root;
    for t in parents {
        let obj = node.as_object_mut().ok_or_else(|| {
            Error::internal(format!("JSON pointer {pointer} crosses a non-object"))
        })?;
        node = obj
            .entry(t.clone())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    node.as_object_mut()
        .ok_or_else(|| Error::internal(format!("JSON pointer {pointer} crosses a non-object")))?
        .insert(last.clone(), value);
    Ok(())
}

/// The authority (`host[:port]`) of an `http(s)://` base URL.
pub(crate) fn host_of(base: &str) -> Result<String> {
    let rest = base
        .strip_prefix("https://")
        .or_else(|| base.strip_prefix("http://"))
        .ok_or_else(|| Error::config(format!("base URL must be http(s): {base}")))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let authority = authority.rsplit('@').next().unwrap_or_default();
    if authority.is_empty() {
        return Err(Error::config(format!("base URL has no host: {base}")));
    }
    Ok(authority.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_bodies_and_hosts() {
        let mut root = Value::Object(Map::new());
        set_pointer(&mut root, "/a/b~1c", Value::from(1)).unwrap();
        set_pointer(&mut root, "/a/d", Value::from("x")).unwrap();
        assert_eq!(root, serde_json::json!({"a": {"b/c": 1, "d": "x"}}));
        assert!(set_pointer(&mut root, "/a/d/e", Value::Null).is_err());
        assert_eq!(
            host_of("http://127.0.0.1:8080/x").unwrap(),
            "127.0.0.1:8080"
        );
        assert_eq!(
            host_of("https://image.cn-north-4.myhuaweicloud.com").unwrap(),
            "image.cn-north-4.myhuaweicloud.com"
        );
        assert!(host_of("ftp://x").is_err());
    }

    #[test]
    fn path_holes_reject_injection() {
        let op = crate::catalog::find("ctyun.safety_aiop.hat_detect").unwrap();
        let mut p = Map::new();
        p.insert("service_code".into(), Value::from("abc123"));
        assert_eq!(
            fill_path(op, &p, None).unwrap(),
            "/v1/aiop/api/abc123/SafeHat/base/hat_detect"
        );
        for bad in ["a/b", "a?b", "", "a b", "..%2F", ".."] {
            p.insert("service_code".into(), Value::from(bad));
            let e = fill_path(op, &p, None).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::InvalidInput, "{bad}");
        }
    }
}
