//! Minimal HTTP/1.1 over `std::net`: one request in, one response (or a dropped
//! connection) out.
//!
//! Hand-written on top of `httparse` rather than using tiny_http because a fault the
//! emulator must inject is "close the socket without answering": tiny_http answers
//! every dropped request itself (500), so it cannot produce a bare reset.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;

/// Most header lines a request may carry.
const MAX_HEADERS: usize = 96;
/// Longest request head (request line + headers), bytes.
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// A parsed request. Header names keep their case; look them up with [`Request::header`].
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub method: String,
    /// Path as sent, percent-encoding intact, without the query.
    pub raw_path: String,
    /// Path percent-decoded.
    pub path: String,
    /// Query as sent (after `?`), empty when none.
    pub raw_query: String,
    /// Query pairs percent-decoded, in the order sent.
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// HTTP/1.0, or `Connection: close` was asked for.
    pub close: bool,
}

impl Request {
    /// First value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// First value of a query parameter.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A response to write back.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// A JSON response with `status`.
    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        Response {
            status,
            headers: vec![(
                "Content-Type".into(),
                "application/json;charset=UTF-8".into(),
            )],
            body: value.to_string().into_bytes(),
        }
    }

    /// Adds a header (builder style).
    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Response {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    /// Value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why reading a request stopped.
#[derive(Debug)]
pub enum ReadError {
    /// The peer closed the connection (or went idle past the read timeout) between requests.
    Closed,
    /// The bytes were not HTTP/1.x; the connection is answered 400 and closed.
    Malformed(&'static str),
    /// The body is larger than allowed; answered 413 and closed.
    TooLarge,
    Io,
}

/// Reads one request from `reader`. `max_body` bounds the body in bytes.
pub fn read_request(
    reader: &mut BufReader<TcpStream>,
    max_body: usize,
) -> Result<Request, ReadError> {
    let head = read_head(reader)?;
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    match parsed.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => {
            return Err(ReadError::Malformed("incomplete request head"))
        }
        Err(_) => return Err(ReadError::Malformed("unparseable request head")),
    }
    let method = parsed.method.unwrap_or("").to_string();
    let target = parsed.path.unwrap_or("/").to_string();
    let version = parsed.version.unwrap_or(1);
    let headers: Vec<(String, String)> = parsed
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_string(),
                String::from_utf8_lossy(h.value).trim().to_string(),
            )
        })
        .collect();
    let find = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let connection = find("connection").unwrap_or("").to_ascii_lowercase();
    let close = version == 0 && !connection.contains("keep-alive") || connection.contains("close");
    let chunked = find("transfer-encoding")
        .map(|v| v.to_ascii_lowercase().contains("chunked"))
        .unwrap_or(false);
    let body = if chunked {
        read_chunked(reader, max_body)?
    } else {
        let len = match find("content-length") {
            Some(v) => v
                .parse::<usize>()
                .map_err(|_| ReadError::Malformed("bad Content-Length"))?,
            None => 0,
        };
        if len > max_body {
            return Err(ReadError::TooLarge);
        }
        // Read into spare capacity (not a zero-filled buffer): no memset of a MB body.
        let mut body = Vec::with_capacity(len);
        let got = reader
            .by_ref()
            .take(len as u64)
            .read_to_end(&mut body)
            .map_err(|_| ReadError::Io)?;
        if got != len {
            return Err(ReadError::Io);
        }
        body
    };
    let (raw_path, raw_query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (target.clone(), String::new()),
    };
    Ok(Request {
        method,
        path: decode_component(&raw_path),
        query: parse_query(&raw_query),
        raw_path,
        raw_query,
        headers,
        body,
        close,
    })
}

/// Reads up to and including the blank line that ends the head.
fn read_head(reader: &mut BufReader<TcpStream>) -> Result<Vec<u8>, ReadError> {
    let mut head = Vec::with_capacity(1024);
    loop {
        let before = head.len();
        let n = match reader.read_until(b'\n', &mut head) {
            Ok(n) => n,
            Err(e) if before == 0 && is_idle(&e) => return Err(ReadError::Closed),
            Err(_) => return Err(ReadError::Io),
        };
        if n == 0 {
            return if head.is_empty() {
                Err(ReadError::Closed)
            } else {
                Err(ReadError::Malformed(
                    "connection closed inside the request head",
                ))
            };
        }
        if head.len() > MAX_HEAD_BYTES {
            return Err(ReadError::Malformed("request head too long"));
        }
        // Tolerate blank lines before the request line (RFC 9112 §2.2).
        if before == 0 && (head == b"\r\n" || head == b"\n") {
            head.clear();
            continue;
        }
        if head.ends_with(b"\r\n\r\n") || head.ends_with(b"\n\n") {
            return Ok(head);
        }
    }
}

fn is_idle(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut | io::ErrorKind::ConnectionReset
    )
}

/// Decodes a `Transfer-Encoding: chunked` body (extensions and trailers ignored).
fn read_chunked(reader: &mut BufReader<TcpStream>, max_body: usize) -> Result<Vec<u8>, ReadError> {
    let mut body = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).map_err(|_| ReadError::Io)?;
        let size_text = line.trim().split(';').next().unwrap_or("");
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| ReadError::Malformed("bad chunk size"))?;
        if size == 0 {
            // Trailers, up to the blank line.
            loop {
                let mut trailer = String::new();
                let n = reader.read_line(&mut trailer).map_err(|_| ReadError::Io)?;
                if n == 0 || trailer.trim().is_empty() {
                    return Ok(body);
                }
            }
        }
        if body.len().saturating_add(size) > max_body {
            return Err(ReadError::TooLarge);
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader
            .read_exact(&mut body[start..])
            .map_err(|_| ReadError::Io)?;
        let mut crlf = [0u8; 2];
        reader.read_exact(&mut crlf).map_err(|_| ReadError::Io)?;
    }
}

/// Writes `resp` with a Content-Length; `close` adds `Connection: close`.
pub fn write_response(stream: &mut impl Write, resp: &Response, close: bool) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", resp.status, reason(resp.status));
    for (name, value) in &resp.headers {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    head.push_str(&format!("Content-Length: {}\r\n", resp.body.len()));
    head.push_str(if close {
        "Connection: close\r\n"
    } else {
        "Connection: keep-alive\r\n"
    });
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(&resp.body)?;
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}

/// Percent-decodes one URL component (`+` stays `+`).
pub fn decode_component(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Splits `a=1&b=2` into decoded pairs; a key without `=` gets an empty value.
pub fn parse_query(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (decode_component(k), decode_component(v)),
            None => (decode_component(pair), String::new()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_pairs_decode() {
        assert_eq!(
            parse_query("b=2&a=%E4%B8%AD&c"),
            vec![
                ("b".into(), "2".into()),
                ("a".into(), "中".into()),
                ("c".into(), String::new())
            ]
        );
    }
}
