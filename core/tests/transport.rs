//! UreqTransport against tiny loopback servers written here (std TcpListener on
//! 127.0.0.1:0). Every server thread is bounded: it serves a fixed number of requests
//! or gives up after a few seconds, then ends by itself. No test asserts on timing.

use cnvision::transport::{
    CaBundle, FailureKind, HttpRequest, HttpTransport, Method, ProxySetting, TransportOptions,
    UreqTransport,
};
use cnvision::ErrorKind;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long any server waits for anything before giving up.
const SERVER_PATIENCE: Duration = Duration::from_secs(10);

/// One request as the server read it.
#[derive(Debug, Clone)]
struct Seen {
    request_line: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Read one HTTP/1.1 request (Content-Length bodies only). `None` at EOF/timeout.
fn read_request(r: &mut impl BufRead) -> Option<Seen> {
    let mut request_line = String::new();
    if r.read_line(&mut request_line).ok()? == 0 {
        return None;
    }
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (n, v) = line.split_once(':')?;
        headers.push((n.trim().to_string(), v.trim().to_string()));
    }
    let len: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .map(|(_, v)| v.parse().unwrap_or(0))
        .unwrap_or(0);
    let mut body = vec![0; len];
    r.read_exact(&mut body).ok()?;
    Some(Seen {
        request_line: request_line.trim_end().to_string(),
        headers,
        body,
    })
}

fn response(status: u16, extra_headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{extra_headers}\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// What the server does with one request.
enum Reply {
    Bytes(Vec<u8>),
    /// Wait this long, then drop the connection without answering.
    Stall(Duration),
    /// Drop the connection without answering.
    Drop,
}

struct Server {
    addr: SocketAddr,
    connections: Arc<AtomicUsize>,
    seen: Arc<Mutex<Vec<Seen>>>,
    thread: JoinHandle<()>,
}

impl Server {
    /// Serve `total` requests (over any number of keep-alive connections), answering
    /// each with `reply(index, &request)`; give up after SERVER_PATIENCE.
    fn start(total: usize, reply: impl Fn(usize, &Seen) -> Reply + Send + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        listener.set_nonblocking(true).unwrap();
        let connections = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (conns, log) = (connections.clone(), seen.clone());
        let thread = std::thread::spawn(move || {
            let start = Instant::now();
            let mut served = 0;
            while served < total && start.elapsed() < SERVER_PATIENCE {
                let stream = match listener.accept() {
                    Ok((s, _)) => s,
                    Err(_) => {
                        std::thread::sleep(Duration::from_millis(5));
                        continue;
                    }
                };
                conns.fetch_add(1, Ordering::SeqCst);
                stream.set_nonblocking(false).unwrap();
                stream.set_read_timeout(Some(SERVER_PATIENCE)).unwrap();
                let mut writer = stream.try_clone().unwrap();
                let mut reader = BufReader::new(stream);
                // Serve this connection until it closes or the quota is reached.
                while served < total {
                    let Some(req) = read_request(&mut reader) else {
                        break;
                    };
                    log.lock().unwrap().push(req.clone());
                    let r = reply(served, &req);
                    served += 1;
                    match r {
                        Reply::Bytes(b) => {
                            if writer.write_all(&b).is_err() {
                                break;
                            }
                        }
                        Reply::Stall(d) => {
                            std::thread::sleep(d);
                            break;
                        }
                        Reply::Drop => break,
                    }
                }
            }
        });
        Server {
            addr,
            connections,
            seen,
            thread,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn finish(self) -> (usize, Vec<Seen>) {
        self.thread.join().unwrap();
        let seen = self.seen.lock().unwrap().clone();
        (self.connections.load(Ordering::SeqCst), seen)
    }
}

fn transport(opts: TransportOptions) -> UreqTransport {
    UreqTransport::new(&opts).expect("transport")
}

#[test]
fn keep_alive_reuses_one_connection_and_sends_exact_bytes() {
    let server = Server::start(3, |i, _| {
        Reply::Bytes(response(
            200,
            "X-Request-Id: rid-1\r\n",
            format!("{{\"n\":{i}}}").as_bytes(),
        ))
    });
    let t = transport(TransportOptions::default());
    for i in 0..3u8 {
        let req = HttpRequest::new(Method::Post, server.url("/v1/x?a=1"))
            .with_header("Content-Type", "application/json")
            .with_header("eop-date", "20240101T080000Z")
            .with_body(vec![b'{', b'}', i]);
        let resp = t.send(&req).expect("response");
        assert_eq!(resp.status, 200);
        assert_eq!(resp.body, format!("{{\"n\":{i}}}").into_bytes());
        assert_eq!(resp.header("x-REQUEST-id"), Some("rid-1"));
    }
    let (connections, seen) = server.finish();
    assert_eq!(
        connections, 1,
        "all three requests over one kept-alive connection"
    );
    assert_eq!(seen.len(), 3);
    for (i, s) in seen.iter().enumerate() {
        assert_eq!(s.request_line, "POST /v1/x?a=1 HTTP/1.1");
        assert_eq!(s.body, vec![b'{', b'}', i as u8]);
        assert_eq!(s.header("eop-date"), Some("20240101T080000Z"));
        assert_eq!(
            s.header("user-agent"),
            Some(format!("cnvision/{}", cnvision::VERSION).as_str())
        );
    }
}

#[test]
fn user_agent_suffix_and_get_without_body() {
    let server = Server::start(1, |_, _| Reply::Bytes(response(200, "", b"{}")));
    let t = transport(TransportOptions {
        user_agent_suffix: Some("app/1.2".into()),
        ..TransportOptions::default()
    });
    let resp = t.send(&HttpRequest::new(
        Method::Get,
        server.url("/v3/projects?name=cn-north-4"),
    ));
    assert_eq!(resp.expect("response").status, 200);
    let (_, seen) = server.finish();
    assert_eq!(
        seen[0].request_line,
        "GET /v3/projects?name=cn-north-4 HTTP/1.1"
    );
    assert_eq!(seen[0].header("content-length"), None);
    assert_eq!(
        seen[0].header("user-agent"),
        Some(format!("cnvision/{} app/1.2", cnvision::VERSION).as_str())
    );
}

#[test]
fn error_statuses_and_redirects_are_responses() {
    let server = Server::start(3, |i, _| match i {
        0 => Reply::Bytes(response(500, "", b"{\"statusCode\":500001}")),
        1 => Reply::Bytes(response(429, "", b"{\"error_code\":\"APIG.0308\"}")),
        _ => Reply::Bytes(response(
            302,
            "Location: http://127.0.0.1:1/elsewhere\r\n",
            b"",
        )),
    });
    let t = transport(TransportOptions::default());
    let post = || HttpRequest::new(Method::Post, server.url("/p")).with_body(b"{}".to_vec());
    let r = t.send(&post()).expect("500 is a response");
    assert_eq!(
        (r.status, r.body.as_slice()),
        (500, &b"{\"statusCode\":500001}"[..])
    );
    assert_eq!(t.send(&post()).expect("429 is a response").status, 429);
    let r = t.send(&post()).expect("302 is returned, not followed");
    assert_eq!(r.status, 302);
    assert_eq!(r.header("location"), Some("http://127.0.0.1:1/elsewhere"));
    let (_, seen) = server.finish();
    assert_eq!(seen.len(), 3);
}

#[test]
fn connection_refused_is_network_and_not_sent() {
    // Bind, learn the port, close: nothing listens there any more.
    let addr = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let t = transport(TransportOptions::default());
    let req = HttpRequest::new(Method::Post, format!("http://{addr}/x")).with_body(vec![1; 10]);
    let f = t.send(&req).expect_err("refused");
    assert_eq!(f.kind(), FailureKind::Connect, "{f}");
    assert!(!f.sent());
    let e: cnvision::Error = f.into();
    assert_eq!(e.kind(), ErrorKind::Network);
    assert!(e.message().contains("not sent"), "{e}");
}

#[test]
fn stalled_server_is_timeout_after_send() {
    let server = Server::start(1, |_, _| Reply::Stall(Duration::from_secs(3)));
    let t = transport(TransportOptions {
        read_timeout: Duration::from_millis(300),
        ..TransportOptions::default()
    });
    let req = HttpRequest::new(Method::Post, server.url("/slow")).with_body(b"{}".to_vec());
    let f = t.send(&req).expect_err("stall");
    assert_eq!(f.kind(), FailureKind::Timeout, "{f}");
    assert!(f.sent(), "the request was written before the stall");
    assert_eq!(cnvision::Error::from(f).kind(), ErrorKind::Timeout);
    server.finish();
}

#[test]
fn dropped_connection_after_request_is_sent_failure() {
    let server = Server::start(1, |_, _| Reply::Drop);
    let t = transport(TransportOptions::default());
    let req = HttpRequest::new(Method::Post, server.url("/drop")).with_body(b"{}".to_vec());
    let f = t.send(&req).expect_err("dropped");
    assert!(f.sent(), "{f}");
    assert!(
        matches!(f.kind(), FailureKind::Io | FailureKind::Protocol),
        "{f:?}"
    );
    let (_, seen) = server.finish();
    assert_eq!(seen.len(), 1, "the server did receive it");
}

#[test]
fn response_cap_is_protocol_error() {
    let server = Server::start(2, |i, _| {
        let size = if i == 0 { 1024 } else { 4096 };
        Reply::Bytes(response(200, "", &vec![b'a'; size]))
    });
    let t = transport(TransportOptions {
        max_response_bytes: 1024,
        ..TransportOptions::default()
    });
    let req = HttpRequest::new(Method::Post, server.url("/big")).with_body(b"{}".to_vec());
    assert_eq!(t.send(&req).expect("exactly at the cap").body.len(), 1024);
    let f = t.send(&req).expect_err("over the cap");
    assert_eq!(f.kind(), FailureKind::ResponseTooLarge, "{f}");
    assert_eq!(cnvision::Error::from(f).kind(), ErrorKind::Protocol);
    server.finish();
}

/// What the fake proxy saw: CONNECT line, Proxy-Authorization, tunneled request.
type ProxyLog = (String, Option<String>, Seen);

/// A fake HTTP proxy: accepts one connection, expects `CONNECT host:port`, answers
/// 200, then plays the origin server inside the tunnel. Returns what it saw.
fn fake_proxy() -> (SocketAddr, JoinHandle<Option<ProxyLog>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().ok()?;
        stream.set_read_timeout(Some(SERVER_PATIENCE)).ok()?;
        let mut writer = stream.try_clone().ok()?;
        let mut reader = BufReader::new(stream);
        let connect = read_request(&mut reader)?;
        let auth = connect.header("proxy-authorization").map(str::to_string);
        writer
            .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
            .ok()?;
        let inner = read_request(&mut reader)?;
        writer
            .write_all(&response(200, "", b"{\"via\":\"proxy\"}"))
            .ok()?;
        Some((connect.request_line, auth, inner))
    });
    (addr, handle)
}

#[test]
fn explicit_proxy_tunnels_the_request() {
    let (addr, proxy) = fake_proxy();
    let t = transport(TransportOptions {
        proxy: ProxySetting::url(format!("http://user:pa55@{addr}")),
        ..TransportOptions::default()
    });
    // `.invalid` never resolves: the only way to reach it is through the proxy.
    let req = HttpRequest::new(Method::Post, "http://gateway.cnvision.invalid:8080/api?x=1")
        .with_body(b"{\"a\":1}".to_vec());
    let resp = t.send(&req).expect("through the proxy");
    assert_eq!(resp.body, b"{\"via\":\"proxy\"}");
    let (connect_line, auth, inner) = proxy.join().unwrap().expect("proxy saw traffic");
    assert_eq!(
        connect_line,
        "CONNECT gateway.cnvision.invalid:8080 HTTP/1.1"
    );
    // base64("user:pa55")
    assert_eq!(auth.as_deref(), Some("Basic dXNlcjpwYTU1"));
    assert_eq!(inner.request_line, "POST /api?x=1 HTTP/1.1");
    assert_eq!(inner.header("host"), Some("gateway.cnvision.invalid:8080"));
    assert_eq!(inner.body, b"{\"a\":1}");
}

#[test]
fn unreachable_proxy_is_not_sent_and_bad_proxy_url_is_config() {
    let dead = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let t = transport(TransportOptions {
        proxy: ProxySetting::url(format!("http://{dead}")),
        ..TransportOptions::default()
    });
    let f = t
        .send(&HttpRequest::new(
            Method::Post,
            "http://gateway.cnvision.invalid/x",
        ))
        .expect_err("no proxy there");
    assert!(!f.sent(), "{f}");
    assert_eq!(f.error_kind(), ErrorKind::Network);

    let e = UreqTransport::new(&TransportOptions {
        proxy: ProxySetting::url("ftp://user:secretpw@[bad"),
        ..TransportOptions::default()
    })
    .expect_err("bad proxy URL");
    assert_eq!(e.kind(), ErrorKind::Configuration);
    assert!(!e.to_string().contains("secretpw"), "{e}");
}

mod tls {
    use super::*;
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

    /// A test CA (PEM) and a leaf for 127.0.0.1 signed by it (DER cert + PKCS#8 key).
    fn ca_and_leaf() -> (String, CertificateDer<'static>, PrivateKeyDer<'static>) {
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(DnType::CommonName, "cnvision test CA");
        let ca_key = KeyPair::generate().unwrap();
        let ca_cert = ca_params.self_signed(&ca_key).unwrap();
        let issuer = Issuer::new(ca_params, ca_key);
        let leaf_params = CertificateParams::new(vec!["127.0.0.1".to_string()]).unwrap();
        let leaf_key = KeyPair::generate().unwrap();
        let leaf = leaf_params.signed_by(&leaf_key, &issuer).unwrap();
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der()));
        (ca_cert.pem(), leaf.der().clone(), key)
    }

    /// A one-connection HTTPS server; returns whether it served a request.
    fn tls_server(
        cert: CertificateDer<'static>,
        key: PrivateKeyDer<'static>,
    ) -> (SocketAddr, JoinHandle<bool>) {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![cert], key)
            .unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let handle = std::thread::spawn(move || {
            let Ok((tcp, _)) = listener.accept() else {
                return false;
            };
            tcp.set_read_timeout(Some(SERVER_PATIENCE)).unwrap();
            let conn = rustls::ServerConnection::new(Arc::new(config)).unwrap();
            let mut stream = rustls::StreamOwned::new(conn, tcp);
            let Some(req) = read_request(&mut BufReader::new(&mut stream)) else {
                return false;
            };
            let ok = req.request_line == "POST /secure HTTP/1.1";
            stream
                .write_all(&response(200, "", b"{\"tls\":true}"))
                .is_ok()
                && ok
        });
        (addr, handle)
    }

    fn req(addr: SocketAddr) -> HttpRequest {
        HttpRequest::new(Method::Post, format!("https://{addr}/secure")).with_body(b"{}".to_vec())
    }

    #[test]
    fn custom_ca_only_is_trusted() {
        let (ca_pem, cert, key) = ca_and_leaf();
        let (addr, server) = tls_server(cert, key);
        let t = transport(TransportOptions {
            ca: Some(CaBundle::pem(ca_pem.into_bytes()).only()),
            ..TransportOptions::default()
        });
        let resp = t.send(&req(addr)).expect("TLS with the custom CA");
        assert_eq!(resp.body, b"{\"tls\":true}");
        assert!(server.join().unwrap());
    }

    #[test]
    fn custom_ca_file_in_addition_to_default_roots() {
        let (ca_pem, cert, key) = ca_and_leaf();
        let dir = std::env::temp_dir().join(format!("cnvision-ca-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("ca.pem");
        std::fs::write(&path, ca_pem).unwrap();
        let (addr, server) = tls_server(cert, key);
        let t = transport(TransportOptions {
            ca: Some(CaBundle::file(&path)),
            ..TransportOptions::default()
        });
        let resp = t.send(&req(addr));
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(resp.expect("TLS with CA file").status, 200);
        assert!(server.join().unwrap());
    }

    #[test]
    fn unknown_ca_fails_before_sending() {
        let (_, cert, key) = ca_and_leaf();
        let (addr, server) = tls_server(cert, key);
        let t = transport(TransportOptions::default());
        let f = t
            .send(&req(addr))
            .expect_err("not trusted by Mozilla's roots");
        assert_eq!(f.kind(), FailureKind::Tls, "{f}");
        assert!(!f.sent());
        assert_eq!(f.error_kind(), ErrorKind::Network);
        assert!(!server.join().unwrap(), "the server never got a request");
    }

    #[test]
    fn bad_ca_bundles_are_configuration_errors() {
        let missing = std::env::temp_dir().join("cnvision-no-such-dir/ca.pem");
        let e = UreqTransport::new(&TransportOptions {
            ca: Some(CaBundle::file(missing)),
            ..TransportOptions::default()
        })
        .expect_err("missing file");
        assert_eq!(e.kind(), ErrorKind::Configuration);
        for pem in [
            &b"no pem here"[..],
            b"-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n",
        ] {
            let e = UreqTransport::new(&TransportOptions {
                ca: Some(CaBundle::pem(pem.to_vec())),
                ..TransportOptions::default()
            })
            .expect_err("no usable certificate");
            assert_eq!(e.kind(), ErrorKind::Configuration, "{e}");
        }
    }
}

#[test]
fn request_debug_hides_header_values() {
    let req = HttpRequest::new(Method::Post, "http://h/x")
        .with_header("X-Auth-Token", "tok-secret")
        .with_body(vec![0; 5]);
    let dbg = format!("{req:?}");
    assert!(
        !dbg.contains("tok-secret") && dbg.contains("X-Auth-Token") && dbg.contains("body_len: 5")
    );
    assert_eq!(req.header("x-auth-token"), Some("tok-secret"));
}

#[test]
fn caller_host_header_is_sent_once() {
    let server = Server::start(1, |_, _| Reply::Bytes(response(200, "", b"{}")));
    let t = transport(TransportOptions::default());
    let host = server.addr.to_string();
    let req = HttpRequest::new(Method::Post, server.url("/h"))
        .with_header("Host", host.as_str())
        .with_body(b"{}".to_vec());
    assert_eq!(t.send(&req).expect("response").status, 200);
    let (_, seen) = server.finish();
    let hosts: Vec<_> = seen[0]
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("host"))
        .collect();
    assert_eq!(hosts.len(), 1, "{hosts:?}");
    assert_eq!(hosts[0].1, host);
}
