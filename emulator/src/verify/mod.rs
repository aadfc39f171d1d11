//! Request authentication as each gateway performs it.
//!
//! The emulator recomputes every signature itself from the request bytes it
//! received, following the manuals and INDEX.md, independently of the client's
//! signer code: a signer bug then shows up as a rejected request instead of two
//! copies of the same mistake agreeing with each other.

pub mod apig;
pub mod ctyun_hmac;
pub mod ctyun_md5;
pub mod eop;
pub mod iam;
pub(crate) mod mac;

/// Why a request failed authentication. `reason` is for humans (no secrets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthFailure {
    pub kind: AuthFailureKind,
    pub reason: String,
}

/// Failure categories; each gateway maps them to its documented code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthFailureKind {
    /// No credentials at all / signature header missing.
    Missing,
    /// Unknown access key.
    UnknownKey,
    /// Signature (or token) does not match.
    BadSignature,
    /// Date header missing, unparseable or outside the window.
    BadDate,
    /// CTyun EOP: `appkey` header missing.
    MissingAppKey,
    /// CTyun EOP: `appkey` unknown.
    BadAppKey,
    /// Huawei: token expired.
    TokenExpired,
    /// Huawei: the path's project id is not the caller's.
    WrongProject,
}

impl AuthFailure {
    pub fn new(kind: AuthFailureKind, reason: impl Into<String>) -> Self {
        AuthFailure {
            kind,
            reason: reason.into(),
        }
    }
}

/// Checks `|t - now| <= window_secs` (both Unix seconds).
pub(crate) fn within_window(t: i64, now: i64, window_secs: u64) -> bool {
    t.abs_diff(now) <= window_secs
}
