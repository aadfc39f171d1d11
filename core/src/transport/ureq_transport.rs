//! [`HttpTransport`] over one ureq 3 `Agent` with rustls: keep-alive connection pool,
//! connect/read/write/total timeouts, HTTP(S) CONNECT proxy, extra or replacement CA
//! roots, `cnvision/<version>` user agent, response size cap, no redirects followed,
//! HTTP error statuses returned as responses.
//!
//! Whether a failed request was sent is tracked exactly rather than guessed from the
//! error: a connector placed last in ureq's chain (after TCP, proxy tunnel and TLS)
//! wraps every connection, and notes on the calling thread when the first byte of
//! the HTTP request is handed to the connection. ureq is synchronous, so the send
//! runs entirely on the calling thread. The hooks used are ureq's `unversioned`
//! transport API; the ureq version is pinned by Cargo.lock and the tests exercise it.

use super::failure::{FailureKind, TransportFailure};
use super::options::{CaBundle, CaSource, ProxySetting, TransportOptions};
use super::{HttpRequest, HttpResponse, HttpTransport, Method};
use crate::error::{Error, Result};
use std::cell::Cell;
use std::fmt;
use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};
use ureq::unversioned::resolver::DefaultResolver;
use ureq::unversioned::transport::{
    Buffers, ConnectionDetails, Connector, DefaultConnector, NextTimeout, Transport,
};

/// The ureq-backed transport. Cheap to share (`Arc`) across threads; the connection
/// pool (up to 10 idle connections, 3 per host, 15 s idle) lives inside.
pub struct UreqTransport {
    agent: ureq::Agent,
    max_response_bytes: u64,
}

impl fmt::Debug for UreqTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UreqTransport")
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}

impl UreqTransport {
    /// Build the agent. Fails with a Configuration error when the proxy URL is
    /// invalid or the CA bundle cannot be read or holds no certificate.
    pub fn new(options: &TransportOptions) -> Result<Self> {
        let proxy = match &options.proxy {
            ProxySetting::None => None,
            ProxySetting::FromEnv => ureq::Proxy::try_from_env(),
            // The URL may hold a password: keep it (and ureq's echo of it) out of the message.
            ProxySetting::Url(url) => Some(ureq::Proxy::new(url.expose()).map_err(|_| {
                Error::config(format!(
                    "invalid proxy URL {}",
                    super::options::strip_userinfo(url.expose())
                ))
            })?),
        };
        let mut tls = TlsConfig::builder();
        if let Some(ca) = &options.ca {
            tls = tls.root_certs(root_certs(ca)?);
        }
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(options.user_agent())
            .proxy(proxy)
            .tls_config(tls.build())
            .timeout_connect(Some(options.connect_timeout))
            .timeout_per_read(Some(options.read_timeout))
            .timeout_per_write(Some(options.write_timeout))
            .timeout_global(options.total_timeout)
            .build();
        let connector = DefaultConnector::new().chain(SendTracker);
        let agent = ureq::Agent::with_parts(config, connector, DefaultResolver::default());
        Ok(UreqTransport {
            agent,
            max_response_bytes: options.max_response_bytes,
        })
    }

    fn exchange(&self, req: &HttpRequest) -> std::result::Result<HttpResponse, ureq::Error> {
        let mut builder = ureq::http::Request::builder()
            .method(req.method.as_str())
            .uri(req.url.as_str());
        for (name, value) in &req.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        // A GET without body goes without Content-Length; otherwise the borrowed body
        // slice is streamed as is (no copy).
        let response = if req.body.is_empty() && req.method == Method::Get {
            self.agent.run(builder.body(())?)?
        } else {
            self.agent.run(builder.body(req.body.as_slice())?)?
        };
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        // ureq's limit fails on the read *after* `limit` bytes even at EOF, so ask for
        // one more byte to make the cap inclusive.
        let limit = self.max_response_bytes.saturating_add(1);
        let body = response
            .into_body()
            .into_with_config()
            .limit(limit)
            .read_to_vec()?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

impl HttpTransport for UreqTransport {
    fn send(&self, req: &HttpRequest) -> std::result::Result<HttpResponse, TransportFailure> {
        REQUEST_BYTES_WRITTEN.with(|c| c.set(false));
        let result = self.exchange(req);
        let sent = REQUEST_BYTES_WRITTEN.with(|c| c.replace(false));
        result.map_err(|e| classify(e, sent, self.max_response_bytes))
    }
}

/// Trusted roots for a CA bundle: its certificates, plus Mozilla's unless replaced.
fn root_certs(ca: &CaBundle) -> Result<RootCerts> {
    let pem = match ca.source() {
        CaSource::Pem(bytes) => bytes.clone(),
        CaSource::File(path) => std::fs::read(path).map_err(|e| {
            Error::config(format!("cannot read CA file {}: {e}", path.display())).with_source(e)
        })?,
    };
    let mut certs: Vec<Certificate<'static>> = Vec::new();
    for item in ureq::tls::parse_pem(&pem) {
        match item {
            Ok(PemItem::Certificate(cert)) => certs.push(cert),
            Ok(_) => {} // private keys and other blocks are not roots
            Err(e) => return Err(Error::config("CA bundle is not valid PEM").with_source(e)),
        }
    }
    if certs.is_empty() {
        return Err(Error::config("CA bundle holds no CERTIFICATE block"));
    }
    if ca.keeps_default_roots() {
        certs.extend(
            webpki_root_certs::TLS_SERVER_ROOT_CERTS
                .iter()
                .map(|der| Certificate::from_der(der.as_ref()).to_owned()),
        );
    }
    Ok(RootCerts::from(certs))
}

/// Map a ureq error to a failure, given whether request bytes were written.
fn classify(e: ureq::Error, sent: bool, cap: u64) -> TransportFailure {
    use ureq::Error as U;
    let (kind, message) = match &e {
        U::Timeout(which) => (FailureKind::Timeout, format!("timed out ({which})")),
        U::HostNotFound => (FailureKind::Connect, "host not found".to_string()),
        U::ConnectionFailed => (FailureKind::Connect, "connection failed".to_string()),
        U::ConnectProxyFailed(m) => (FailureKind::Connect, format!("proxy CONNECT failed: {m}")),
        U::Io(io) => io_kind(io, sent),
        U::Tls(m) => (FailureKind::Tls, format!("TLS: {m}")),
        U::Rustls(r) => (FailureKind::Tls, format!("TLS: {r}")),
        U::BodyExceedsLimit(_) => (
            FailureKind::ResponseTooLarge,
            format!("response body larger than {cap} bytes"),
        ),
        U::BadUri(m) => (FailureKind::Config, format!("bad URL: {m}")),
        U::Http(h) => (FailureKind::Config, format!("bad request: {h}")),
        U::InvalidProxyUrl => (FailureKind::Config, "invalid proxy URL".to_string()),
        U::RequireHttpsOnly(m) => (FailureKind::Config, m.clone()),
        U::Protocol(p) => (FailureKind::Protocol, format!("HTTP protocol error: {p}")),
        U::LargeResponseHeader(..) => (
            FailureKind::Protocol,
            "response headers too large".to_string(),
        ),
        U::Decompress(..) => (
            FailureKind::Protocol,
            "cannot decompress response".to_string(),
        ),
        U::BodyStalled => (FailureKind::Timeout, "response body stalled".to_string()),
        other => (
            if sent {
                FailureKind::Io
            } else {
                FailureKind::Connect
            },
            other.to_string(),
        ),
    };
    TransportFailure::new(kind, sent, message).with_source(e)
}

fn io_kind(io: &std::io::Error, sent: bool) -> (FailureKind, String) {
    use std::io::ErrorKind as K;
    let kind = match io.kind() {
        K::TimedOut | K::WouldBlock => FailureKind::Timeout,
        // rustls reports handshake and certificate failures as InvalidData.
        K::InvalidData if !sent => FailureKind::Tls,
        _ if !sent => FailureKind::Connect,
        _ => FailureKind::Io,
    };
    (kind, format!("I/O: {io}"))
}

thread_local! {
    /// Set when the current thread's request wrote its first byte (see module doc).
    static REQUEST_BYTES_WRITTEN: Cell<bool> = const { Cell::new(false) };
}

/// Last link of the connector chain: wraps each established connection.
#[derive(Debug)]
struct SendTracker;

impl Connector<Box<dyn Transport>> for SendTracker {
    type Out = Tracked;

    fn connect(
        &self,
        _details: &ConnectionDetails,
        chained: Option<Box<dyn Transport>>,
    ) -> std::result::Result<Option<Tracked>, ureq::Error> {
        Ok(chained.map(Tracked))
    }
}

/// A connection that records request writes; otherwise a pass-through.
#[derive(Debug)]
struct Tracked(Box<dyn Transport>);

impl Transport for Tracked {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.0.buffers()
    }

    fn transmit_output(
        &mut self,
        amount: usize,
        timeout: NextTimeout,
    ) -> std::result::Result<(), ureq::Error> {
        if amount > 0 {
            // Marked before writing: a write that fails midway may have sent bytes.
            REQUEST_BYTES_WRITTEN.with(|c| c.set(true));
        }
        self.0.transmit_output(amount, timeout)
    }

    fn maybe_await_input(
        &mut self,
        timeout: NextTimeout,
    ) -> std::result::Result<bool, ureq::Error> {
        self.0.maybe_await_input(timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> std::result::Result<bool, ureq::Error> {
        self.0.await_input(timeout)
    }

    fn is_open(&mut self) -> bool {
        self.0.is_open()
    }

    fn is_tls(&self) -> bool {
        self.0.is_tls()
    }
}
