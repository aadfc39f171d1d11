//! Transport options: timeouts, proxy, trusted CAs, user agent, response cap.

use crate::secret::SecretString;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// Default response body cap: 64 MiB (Huawei image results are base64 images).
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 64 * 1024 * 1024;

/// Options of an HTTP transport. `Default` gives: connect 10 s, per-read and
/// per-write 60 s (they restart on every socket read/write, so a 270 MB upload is
/// not cut off), no total deadline, no proxy (environment variables ignored),
/// Mozilla's roots (webpki), 64 MiB response cap.
#[derive(Debug, Clone, PartialEq)]
pub struct TransportOptions {
    /// DNS + TCP (+ proxy) + TLS handshake deadline.
    pub connect_timeout: Duration,
    /// Longest wait for any single socket read (response headers or body).
    pub read_timeout: Duration,
    /// Longest wait for any single socket write.
    pub write_timeout: Duration,
    /// Deadline for the whole exchange, from DNS to the last body byte; `None` = none.
    pub total_timeout: Option<Duration>,
    pub proxy: ProxySetting,
    /// Extra or replacement trusted roots; `None` = Mozilla's roots only.
    pub ca: Option<CaBundle>,
    /// Appended to `cnvision/<version>` after a space.
    pub user_agent_suffix: Option<String>,
    /// Largest accepted (decompressed) response body, bytes. Larger → Protocol error.
    pub max_response_bytes: u64,
}

impl Default for TransportOptions {
    fn default() -> Self {
        TransportOptions {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(60),
            write_timeout: Duration::from_secs(60),
            total_timeout: None,
            proxy: ProxySetting::None,
            ca: None,
            user_agent_suffix: None,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }
}

impl TransportOptions {
    /// The `User-Agent` value: `cnvision/<version>` plus the optional suffix.
    pub fn user_agent(&self) -> String {
        match self.user_agent_suffix.as_deref().map(str::trim) {
            Some(s) if !s.is_empty() => format!("cnvision/{} {s}", crate::VERSION),
            _ => format!("cnvision/{}", crate::VERSION),
        }
    }
}

/// Which HTTP(S) proxy to use. Requests go through an HTTP `CONNECT` tunnel (for
/// `http://` and `https://` targets alike), so signatures and TLS stay end to end.
#[derive(Clone, PartialEq, Eq, Default)]
pub enum ProxySetting {
    /// Connect directly; `HTTP_PROXY`/`HTTPS_PROXY`/`ALL_PROXY` are ignored.
    #[default]
    None,
    /// Use `ALL_PROXY`/`HTTPS_PROXY`/`HTTP_PROXY` (and `NO_PROXY`) if set.
    FromEnv,
    /// `http://[user:password@]host:port` (or `https://`). Held as a secret because
    /// it may carry a password; `Debug` shows it without user info.
    Url(SecretString),
}

impl ProxySetting {
    /// An explicit proxy URL.
    pub fn url(url: impl Into<String>) -> Self {
        ProxySetting::Url(SecretString::new(url))
    }
}

impl fmt::Debug for ProxySetting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProxySetting::None => f.write_str("None"),
            ProxySetting::FromEnv => f.write_str("FromEnv"),
            ProxySetting::Url(u) => write!(f, "Url({:?})", strip_userinfo(u.expose())),
        }
    }
}

/// `scheme://user:pw@host:port/…` → `scheme://host:port/…`.
pub(crate) fn strip_userinfo(url: &str) -> String {
    let (scheme, rest) = match url.find("://") {
        Some(i) => (&url[..i + 3], &url[i + 3..]),
        None => ("", url),
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

/// Trusted root certificates from PEM text, added to Mozilla's roots or replacing
/// them (private deployments with their own CA).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaBundle {
    source: CaSource,
    keep_default_roots: bool,
}

/// Where the PEM text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaSource {
    /// A PEM file (one or more `CERTIFICATE` blocks), read when the transport is built.
    File(PathBuf),
    /// PEM text in memory.
    Pem(Vec<u8>),
}

impl CaBundle {
    /// Certificates from a PEM file, trusted in addition to Mozilla's roots.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        CaBundle {
            source: CaSource::File(path.into()),
            keep_default_roots: true,
        }
    }

    /// Certificates from PEM text, trusted in addition to Mozilla's roots.
    pub fn pem(pem: impl Into<Vec<u8>>) -> Self {
        CaBundle {
            source: CaSource::Pem(pem.into()),
            keep_default_roots: true,
        }
    }

    /// Trust only these certificates (drop Mozilla's roots).
    pub fn only(mut self) -> Self {
        self.keep_default_roots = false;
        self
    }

    pub fn source(&self) -> &CaSource {
        &self.source
    }

    /// Whether Mozilla's roots stay trusted too.
    pub fn keeps_default_roots(&self) -> bool {
        self.keep_default_roots
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn userinfo_is_stripped() {
        assert_eq!(
            strip_userinfo("http://u:pw@proxy:3128"),
            "http://proxy:3128"
        );
        assert_eq!(
            strip_userinfo("http://proxy:3128/x@y"),
            "http://proxy:3128/x@y"
        );
        assert_eq!(strip_userinfo("u:pw@proxy:1"), "proxy:1");
        let dbg = format!(
            "{:?}",
            ProxySetting::url("http://alice:s3cret@proxy.local:8080")
        );
        assert!(!dbg.contains("s3cret") && !dbg.contains("alice"), "{dbg}");
        assert!(dbg.contains("proxy.local:8080"));
    }

    #[test]
    fn user_agent_has_version_and_suffix() {
        let mut o = TransportOptions::default();
        assert_eq!(o.user_agent(), format!("cnvision/{}", crate::VERSION));
        o.user_agent_suffix = Some("myapp/2".into());
        assert_eq!(
            o.user_agent(),
            format!("cnvision/{} myapp/2", crate::VERSION)
        );
    }
}
