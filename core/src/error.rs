//! The one error type of cnvision and its stable numeric kinds.
//!
//! `ErrorKind` numbers are part of the public contract: the C ABI's
//! `cnvision_status`, the Python exception classes and the Java `ErrorCode`
//! enum all mirror them. Never renumber; only append.

use std::fmt;

/// Stable error categories. The discriminant is the wire/ABI number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[repr(u32)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Input rejected locally before anything was sent.
    InvalidInput = 1,
    /// Client configuration is incomplete or inconsistent.
    Configuration = 2,
    /// Credentials or signature rejected (locally or by the provider).
    Authentication = 3,
    /// The provider answered with an error code.
    Service = 4,
    /// The provider throttled the call (or the local rate limiter refused it).
    RateLimited = 5,
    /// Connection could not be made or was broken.
    Network = 6,
    /// A connect or read deadline passed.
    Timeout = 7,
    /// Envelope verification or decryption failed; key material unusable.
    Crypto = 8,
    /// The response could not be understood.
    Protocol = 9,
    /// A bug inside cnvision (for example a caught panic).
    Internal = 10,
}

impl ErrorKind {
    /// Every kind, in numeric order. Bindings test their own lists against this.
    pub const ALL: [ErrorKind; 10] = [
        ErrorKind::InvalidInput,
        ErrorKind::Configuration,
        ErrorKind::Authentication,
        ErrorKind::Service,
        ErrorKind::RateLimited,
        ErrorKind::Network,
        ErrorKind::Timeout,
        ErrorKind::Crypto,
        ErrorKind::Protocol,
        ErrorKind::Internal,
    ];

    /// The stable number (also the C status value).
    pub fn code(self) -> u32 {
        self as u32
    }

    /// The kind for a stable number, if any.
    pub fn from_code(code: u32) -> Option<ErrorKind> {
        Self::ALL.iter().copied().find(|k| k.code() == code)
    }

    /// Stable snake_case name, used for binding class names and JSON (serde writes
    /// the same name; a test checks they agree).
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::Configuration => "configuration",
            ErrorKind::Authentication => "authentication",
            ErrorKind::Service => "service",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Network => "network",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Crypto => "crypto",
            ErrorKind::Protocol => "protocol",
            ErrorKind::Internal => "internal",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_names_and_json_agree() {
        for (i, kind) in ErrorKind::ALL.iter().enumerate() {
            assert_eq!(kind.code(), i as u32 + 1);
            assert_eq!(ErrorKind::from_code(kind.code()), Some(*kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.name());
        }
        assert_eq!(ErrorKind::from_code(0), None);
        assert_eq!(ErrorKind::from_code(11), None);
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Error returned by every fallible cnvision function.
///
/// Messages never contain secrets (SK, AppSecret, passwords, tokens, session keys).
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    provider_code: Option<String>,
    http_status: Option<u16>,
    request_id: Option<String>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    /// A new error of `kind` with a human-readable `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            provider_code: None,
            http_status: None,
            request_id: None,
            source: None,
        }
    }

    /// Local validation failure: `field` broke `limit`. Nothing was sent.
    pub fn invalid_input(field: &str, limit: impl fmt::Display) -> Self {
        Error::new(ErrorKind::InvalidInput, format!("{field}: {limit}"))
    }

    /// Shorthand constructors for the other kinds.
    pub fn config(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Configuration, message)
    }
    pub fn crypto(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Crypto, message)
    }
    pub fn protocol(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Protocol, message)
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Internal, message)
    }

    pub fn with_provider_code(mut self, code: impl Into<String>) -> Self {
        self.provider_code = Some(code.into());
        self
    }
    pub fn with_http_status(mut self, status: u16) -> Self {
        self.http_status = Some(status);
        self
    }
    pub fn with_request_id(mut self, id: impl Into<String>) -> Self {
        self.request_id = Some(id.into());
        self
    }
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    pub fn message(&self) -> &str {
        &self.message
    }
    pub fn provider_code(&self) -> Option<&str> {
        self.provider_code.as_deref()
    }
    pub fn http_status(&self) -> Option<u16> {
        self.http_status
    }
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)?;
        if let Some(code) = &self.provider_code {
            write!(f, " (provider code {code})")?;
        }
        if let Some(status) = self.http_status {
            write!(f, " (HTTP {status})")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// `Result` with cnvision's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
