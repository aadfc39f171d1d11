//! `POST /v3/auth/tokens` with a password identity: request builder and response parser.

use std::time::SystemTime;

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::{status_error, IamRequest};
use crate::error::{Error, ErrorKind, Result};
use crate::secret::{SecretBytes, SecretString};

/// The token's scope: a project by name (usually the region, e.g. `cn-north-4`) or by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenScope {
    ProjectName(String),
    ProjectId(String),
}

/// An IAM user's password identity. The password is wiped on drop and never printed.
#[derive(Debug, Clone)]
pub struct PasswordAuth {
    pub user_name: String,
    pub password: SecretString,
    /// The account (domain) the user belongs to.
    pub domain_name: String,
    pub scope: TokenScope,
}

/// A token and the instant it expires (IAM tokens live 24 h).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IamToken {
    pub token: SecretString,
    pub expires_at: SystemTime,
}

#[derive(Serialize)]
struct Body<'a> {
    auth: Auth<'a>,
}
#[derive(Serialize)]
struct Auth<'a> {
    identity: Identity<'a>,
    scope: Scope<'a>,
}
#[derive(Serialize)]
struct Identity<'a> {
    methods: [&'static str; 1],
    password: Password<'a>,
}
#[derive(Serialize)]
struct Password<'a> {
    user: User<'a>,
}
#[derive(Serialize)]
struct User<'a> {
    name: &'a str,
    password: &'a str,
    domain: Named<'a>,
}
#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
}
#[derive(Serialize)]
struct Scope<'a> {
    project: ProjectRef<'a>,
}
#[derive(Serialize)]
struct ProjectRef<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
}

/// Build `POST /v3/auth/tokens` (manual 004 §3.3) with `Content-Type: application/json;charset=utf8`.
/// The body is serialized straight from borrowed fields into a wiped buffer.
/// Errors (`InvalidInput`): an empty user name, password, domain name or scope value.
pub fn token_request(auth: &PasswordAuth) -> Result<IamRequest> {
    let mut buf = serialize_wiped(&request_body(auth)?)?;
    Ok(IamRequest {
        method: "POST",
        path: "/v3/auth/tokens",
        query: Vec::new(),
        headers: vec![(
            "Content-Type".to_owned(),
            "application/json;charset=utf8".to_owned(),
        )],
        body: SecretBytes::new(std::mem::take(&mut *buf)),
    })
}

/// The token request body, borrowing every field from `auth` (no copies).
fn request_body(auth: &PasswordAuth) -> Result<Body<'_>> {
    let nonempty = |field: &str, v: &str| {
        if v.is_empty() {
            Err(Error::invalid_input(field, "must not be empty"))
        } else {
            Ok(())
        }
    };
    nonempty("user_name", &auth.user_name)?;
    nonempty("password", auth.password.expose())?;
    nonempty("domain_name", &auth.domain_name)?;
    let project = match &auth.scope {
        TokenScope::ProjectName(n) => {
            nonempty("project name", n)?;
            ProjectRef {
                name: Some(n),
                id: None,
            }
        }
        TokenScope::ProjectId(id) => {
            nonempty("project id", id)?;
            ProjectRef {
                name: None,
                id: Some(id),
            }
        }
    };
    Ok(Body {
        auth: Auth {
            identity: Identity {
                methods: ["password"],
                password: Password {
                    user: User {
                        name: &auth.user_name,
                        password: auth.password.expose(),
                        domain: Named {
                            name: &auth.domain_name,
                        },
                    },
                },
            },
            scope: Scope { project },
        },
    })
}

/// Counts the bytes written to it and keeps none: sizes a buffer without a copy.
struct ByteCounter(usize);

impl std::io::Write for ByteCounter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.0 += data.len();
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The exact JSON length of `value`, measured without storing the text.
fn json_len<T: Serialize>(value: &T) -> Result<usize> {
    let mut counter = ByteCounter(0);
    serde_json::to_writer(&mut counter, value)
        .map_err(|e| Error::internal(format!("token body: {e}")))?;
    Ok(counter.0)
}

/// Serializes `value` into a wiped buffer allocated once at its exact length, so
/// the buffer holding the password never reallocates (which would leave an
/// unwiped copy behind in freed memory).
fn serialize_wiped<T: Serialize>(value: &T) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    let capacity = json_len(value)?;
    let mut buf = zeroize::Zeroizing::new(Vec::with_capacity(capacity));
    serde_json::to_writer(&mut *buf, value)
        .map_err(|e| Error::internal(format!("token body: {e}")))?;
    if buf.len() > capacity {
        return Err(Error::internal("token body: serialized length changed"));
    }
    Ok(buf)
}

/// Parse an ISO 8601 / RFC 3339 instant such as `2019-02-13T06:52:13.855000Z`.
/// `None` when malformed or not representable as a `SystemTime` on this platform.
pub fn parse_iso8601(s: &str) -> Option<SystemTime> {
    OffsetDateTime::parse(s, &Rfc3339)
        .ok()
        .and_then(crate::auth::timefmt::to_system_time)
}

/// Parse the token response: the token from the `X-Subject-Token` header (any case),
/// `expires_at` from the JSON body's `token.expires_at`.
/// Errors: 401/403 → `Authentication`; other non-2xx → `Service`; a missing or empty
/// header, unparseable JSON or a missing/invalid `expires_at` → `Protocol`.
pub fn parse_token_response(
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<IamToken> {
    if !(200..300).contains(&status) {
        return Err(status_error(status, body, "IAM token request failed"));
    }
    let token = crate::auth::find_header(headers, "X-Subject-Token")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| Error::protocol("IAM token response has no X-Subject-Token header"))?;
    let v: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        Error::new(
            ErrorKind::Protocol,
            format!("IAM token response body is not JSON: {e}"),
        )
    })?;
    let expires = v["token"]["expires_at"]
        .as_str()
        .ok_or_else(|| Error::protocol("IAM token response has no token.expires_at"))?;
    let expires_at = parse_iso8601(expires)
        .ok_or_else(|| Error::protocol(format!("token.expires_at is not ISO 8601: {expires:?}")))?;
    Ok(IamToken {
        token: SecretString::new(token),
        expires_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn auth(scope: TokenScope) -> PasswordAuth {
        PasswordAuth {
            user_name: "username".into(),
            password: SecretString::new("p\"ss"),
            domain_name: "domainname".into(),
            scope,
        }
    }

    #[test]
    fn builds_manual_body() {
        let req = token_request(&auth(TokenScope::ProjectName("cn-north-4".into()))).unwrap();
        assert_eq!((req.method, req.path), ("POST", "/v3/auth/tokens"));
        let v: serde_json::Value = serde_json::from_slice(req.body.expose()).unwrap();
        let expected = serde_json::json!({"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": "username", "password": "p\"ss", "domain": {"name": "domainname"}}}},
            "scope": {"project": {"name": "cn-north-4"}}}});
        assert_eq!(v, expected);
        assert!(!format!("{req:?}").contains("p\\\"ss"));
        let by_id = token_request(&auth(TokenScope::ProjectId("abc".into()))).unwrap();
        let v: serde_json::Value = serde_json::from_slice(by_id.body.expose()).unwrap();
        assert_eq!(
            v["auth"]["scope"],
            serde_json::json!({"project": {"id": "abc"}})
        );
        let mut bad = auth(TokenScope::ProjectName("r".into()));
        bad.password = SecretString::new("");
        assert_eq!(
            token_request(&bad).unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
    }

    #[test]
    fn body_buffer_never_outgrows_its_first_allocation() {
        let long = "n".repeat(10_000);
        let escaped = "\u{1}\"".repeat(2_000); // 6- and 2-byte JSON escapes
        for scope in [
            TokenScope::ProjectName(long.clone()),
            TokenScope::ProjectId(long.clone()),
            TokenScope::ProjectName(escaped),
        ] {
            let a = auth(scope);
            let body = request_body(&a).unwrap();
            let initial = json_len(&body).unwrap();
            let buf = serialize_wiped(&body).unwrap();
            assert!(buf.len() <= initial && buf.capacity() == initial);
            let req = token_request(&a).unwrap();
            assert_eq!(req.body.expose(), buf.as_slice());
            assert!(req.body.expose().len() > 10_000);
        }
    }

    #[test]
    fn parses_manual_response() {
        let body =
            br#"{"token": {"expires_at": "2019-02-13T06:52:13.855000Z", "methods": ["password"]}}"#;
        let t = parse_token_response(201, &[("x-subject-token", "MIIDYXQ...")], body).unwrap();
        assert_eq!(t.token.expose(), "MIIDYXQ...");
        assert_eq!(
            t.expires_at,
            SystemTime::UNIX_EPOCH + Duration::from_millis(1_550_040_733_855)
        );
    }

    #[test]
    fn response_errors_have_kinds() {
        let good = br#"{"token": {"expires_at": "2019-02-13T06:52:13Z"}}"#;
        let h = [("X-Subject-Token", "t")];
        let e = parse_token_response(
            401,
            &h,
            br#"{"error": {"code": 401, "message": "bad password"}}"#,
        )
        .unwrap_err();
        assert_eq!(
            (e.kind(), e.http_status(), e.provider_code()),
            (ErrorKind::Authentication, Some(401), Some("401"))
        );
        let e = parse_token_response(500, &h, b"oops").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Service);
        assert_eq!(
            parse_token_response(201, &[], good).unwrap_err().kind(),
            ErrorKind::Protocol
        );
        assert_eq!(
            parse_token_response(201, &h, b"not json")
                .unwrap_err()
                .kind(),
            ErrorKind::Protocol
        );
        assert_eq!(
            parse_token_response(201, &h, b"{\"token\":{}}")
                .unwrap_err()
                .kind(),
            ErrorKind::Protocol
        );
        // Year 1: a SystemTime on Unix (an already-expired token), unrepresentable on
        // Windows (before 1601) and then a Protocol error; never a panic.
        let year1 = br#"{"token": {"expires_at": "0001-01-01T00:00:00Z"}}"#;
        let parsed = parse_token_response(201, &h, year1);
        match SystemTime::UNIX_EPOCH.checked_sub(Duration::from_secs(62_135_596_800)) {
            Some(t) => assert_eq!(parsed.unwrap().expires_at, t),
            None => assert_eq!(parsed.unwrap_err().kind(), ErrorKind::Protocol),
        }
        let bad_date = br#"{"token": {"expires_at": "13/02/2019"}}"#;
        assert_eq!(
            parse_token_response(201, &h, bad_date).unwrap_err().kind(),
            ErrorKind::Protocol
        );
    }
}
