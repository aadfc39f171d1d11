//! The emulator's own IAM: `/v3/auth/tokens` (password identity, project scope)
//! issues tokens valid for the configured lifetime (24 h); image calls may then
//! carry `X-Auth-Token`.

use super::{AuthFailure, AuthFailureKind::*};
use crate::counters::lock;
use std::collections::HashMap;
use std::sync::Mutex;

/// Issued tokens and their expiry (Unix seconds).
#[derive(Debug, Default)]
pub struct TokenStore {
    tokens: Mutex<HashMap<String, i64>>,
}

impl TokenStore {
    /// Issues a fresh random token valid until `expires_at` (Unix seconds).
    pub fn issue(&self, expires_at: i64) -> String {
        let token = format!(
            "EMU-{}{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        );
        lock(&self.tokens).insert(token.clone(), expires_at);
        token
    }

    /// Checks `token` at Unix time `now`.
    pub fn check(&self, token: &str, now: i64) -> Result<(), AuthFailure> {
        match lock(&self.tokens).get(token) {
            None => Err(AuthFailure::new(
                BadSignature,
                "token unknown (decrypt token fail)",
            )),
            Some(&exp) if exp <= now => Err(AuthFailure::new(TokenExpired, "token expired")),
            Some(_) => Ok(()),
        }
    }

    pub fn clear(&self) {
        lock(&self.tokens).clear();
    }
}

/// The `auth` object of a token request, checked against the configured user.
/// Returns the requested project name.
pub fn check_password_request(
    body: &serde_json::Value,
    user: &str,
    password: &str,
    domain: &str,
) -> Result<Option<String>, AuthFailure> {
    let auth = &body["auth"];
    let methods = auth["identity"]["methods"].as_array();
    if !methods.is_some_and(|m| m.iter().any(|v| v == "password")) {
        return Err(AuthFailure::new(
            Missing,
            "auth.identity.methods must contain \"password\"",
        ));
    }
    let u = &auth["identity"]["password"]["user"];
    let ok = u["name"] == user && u["password"] == password && u["domain"]["name"] == domain;
    if !ok {
        return Err(AuthFailure::new(
            BadSignature,
            "user name, password or domain is wrong",
        ));
    }
    Ok(auth["scope"]["project"]["name"]
        .as_str()
        .map(str::to_string))
}
