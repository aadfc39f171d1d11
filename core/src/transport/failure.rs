//! Why a transport could not produce a response, and whether the request went out.

use crate::error::{Error, ErrorKind};
use std::fmt;

/// Where a transport failure happened. Determines the [`ErrorKind`] and, with
/// [`TransportFailure::sent`], whether the retry policy may try again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FailureKind {
    /// Name resolution, TCP connect or proxy tunnel failed (refused, unreachable,
    /// reset). Maps to [`ErrorKind::Network`].
    Connect,
    /// TLS handshake or certificate verification failed. Maps to [`ErrorKind::Network`];
    /// never retried (a bad certificate does not heal).
    Tls,
    /// A connect, read, write or total deadline passed. Maps to [`ErrorKind::Timeout`].
    Timeout,
    /// The connection broke while sending or receiving. Maps to [`ErrorKind::Network`].
    Io,
    /// The response body exceeded the configured cap. Maps to [`ErrorKind::Protocol`].
    ResponseTooLarge,
    /// The peer spoke malformed HTTP. Maps to [`ErrorKind::Protocol`].
    Protocol,
    /// The request or the transport configuration is unusable (bad URL, header,
    /// proxy or CA file). Maps to [`ErrorKind::Configuration`].
    Config,
}

impl FailureKind {
    /// The public error kind this failure surfaces as.
    pub fn error_kind(self) -> ErrorKind {
        match self {
            FailureKind::Connect | FailureKind::Tls | FailureKind::Io => ErrorKind::Network,
            FailureKind::Timeout => ErrorKind::Timeout,
            FailureKind::ResponseTooLarge | FailureKind::Protocol => ErrorKind::Protocol,
            FailureKind::Config => ErrorKind::Configuration,
        }
    }
}

/// A failed send. `sent == false` is a guarantee that no byte of the HTTP request
/// reached the connection (so the provider cannot have billed it); `sent == true`
/// means it may have.
#[derive(Debug)]
pub struct TransportFailure {
    kind: FailureKind,
    sent: bool,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl TransportFailure {
    /// A failure of `kind`; `sent` as documented on the type. `message` must not
    /// contain secrets.
    pub fn new(kind: FailureKind, sent: bool, message: impl Into<String>) -> Self {
        TransportFailure {
            kind,
            sent,
            message: message.into(),
            source: None,
        }
    }

    /// Attach the underlying error.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    pub fn kind(&self) -> FailureKind {
        self.kind
    }

    /// Whether the request may have reached the server (see the type's contract).
    pub fn sent(&self) -> bool {
        self.sent
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    /// The public error kind ([`FailureKind::error_kind`]).
    pub fn error_kind(&self) -> ErrorKind {
        self.kind.error_kind()
    }
}

impl fmt::Display for TransportFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let when = if self.sent {
            "request may have been sent"
        } else {
            "request not sent"
        };
        write!(f, "{} ({when})", self.message)
    }
}

impl std::error::Error for TransportFailure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<TransportFailure> for Error {
    fn from(failure: TransportFailure) -> Self {
        Error::new(failure.error_kind(), failure.to_string()).with_source(failure)
    }
}
