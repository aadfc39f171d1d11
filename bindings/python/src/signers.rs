//! The request signers, for callers with their own HTTP stack. Each function takes
//! the request parts and credentials and returns the headers to add plus every
//! intermediate stage. `time_ms` is Unix milliseconds (default: now), so results
//! are reproducible. Signing runs with the GIL released.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use cnvision::auth::{ctyun_hmac, ctyun_md5, eop, SignableBody, SignableRequest, SigningOutput};
use cnvision::SecretString;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::errors::IntoPyResult;

/// What a signer produced (read-only).
#[pyclass(frozen, module = "cnvision._native", name = "Signature")]
#[derive(Debug)]
pub struct PySignature {
    /// Headers to add, in order, as (name, value).
    #[pyo3(get)]
    headers: Vec<(String, String)>,
    /// The scheme's canonical request (canonical query for EOP and CTYUN; empty for Sign).
    #[pyo3(get)]
    canonical_request: String,
    /// The exact text that was MACed or hashed (the Sign scheme shows the secret redacted).
    #[pyo3(get)]
    string_to_sign: String,
    /// The signature as it appears in the header.
    #[pyo3(get)]
    signature: String,
}

#[pymethods]
impl PySignature {
    /// The value of an added header by case-insensitive name.
    fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    }

    fn __repr__(&self) -> String {
        format!("Signature(signature={:?})", self.signature)
    }
}

impl From<SigningOutput> for PySignature {
    fn from(o: SigningOutput) -> Self {
        PySignature {
            headers: o.headers,
            canonical_request: o.canonical_request,
            string_to_sign: o.string_to_sign,
            signature: o.signature,
        }
    }
}

/// Unix milliseconds → `SystemTime`; `None` = now.
pub fn time_of(time_ms: Option<i64>) -> PyResult<SystemTime> {
    match time_ms {
        None => Ok(SystemTime::now()),
        Some(ms) if ms >= 0 => Ok(UNIX_EPOCH + Duration::from_millis(ms as u64)),
        Some(_) => Err(PyValueError::new_err("time_ms must be >= 0")),
    }
}

fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
}

/// The body as signed: exact bytes, or a precomputed hex digest when `digest` is set.
fn body<'a>(bytes: Option<&'a [u8]>, digest: Option<&'a str>) -> PyResult<SignableBody<'a>> {
    match (bytes, digest) {
        (Some(_), Some(_)) => Err(PyValueError::new_err(
            "give the body or its precomputed digest, not both",
        )),
        (_, Some(d)) => Ok(SignableBody::Precomputed(d)),
        (b, None) => Ok(SignableBody::Bytes(b.unwrap_or(&[]))),
    }
}

/// CTyun EOP signature (`Eop-Authorization`, manuals 000/002).
#[pyfunction]
#[pyo3(signature = (method, path, *, access_key, secret_key, app_key=None, query=Vec::new(),
    headers=Vec::new(), body=None, body_sha256=None, signed_headers=None, request_id=None,
    time_ms=None, utc_offset_seconds=28800))]
#[allow(clippy::too_many_arguments)]
pub fn sign_eop(
    py: Python<'_>,
    method: &str,
    path: &str,
    access_key: String,
    secret_key: String,
    app_key: Option<String>,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<&[u8]>,
    body_sha256: Option<&str>,
    signed_headers: Option<Vec<String>>,
    request_id: Option<String>,
    time_ms: Option<i64>,
    utc_offset_seconds: i32,
) -> PyResult<PySignature> {
    let creds = eop::EopCredentials {
        access_key,
        secret_key: SecretString::new(secret_key),
        app_key,
    };
    let mut settings = eop::EopSettings {
        request_id,
        utc_offset_seconds,
        ..eop::EopSettings::default()
    };
    if let Some(names) = signed_headers {
        settings.signed_headers = names;
    }
    let time = time_of(time_ms)?;
    let (q, h) = (pairs(&query), pairs(&headers));
    let body = self::body(body, body_sha256)?;
    let req = SignableRequest {
        method,
        path,
        query: &q,
        headers: &h,
        body,
    };
    py.detach(|| eop::sign(&req, &creds, &settings, time))
        .py_err(py)
        .map(Into::into)
}

/// CTyun `Sign` = MD5(AppKey + AppSecret + Timestamp + Path + Body) (manual 001).
#[pyfunction]
#[pyo3(signature = (method, path, *, app_key, app_secret, query=Vec::new(), headers=Vec::new(),
    body=None, time_ms=None))]
#[allow(clippy::too_many_arguments)]
pub fn sign_ctyun_md5(
    py: Python<'_>,
    method: &str,
    path: &str,
    app_key: String,
    app_secret: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<&[u8]>,
    time_ms: Option<i64>,
) -> PyResult<PySignature> {
    let creds = ctyun_md5::Md5Credentials {
        app_key,
        app_secret: SecretString::new(app_secret),
    };
    let time = time_of(time_ms)?;
    let (q, h) = (pairs(&query), pairs(&headers));
    let req = SignableRequest {
        method,
        path,
        query: &q,
        headers: &h,
        body: SignableBody::Bytes(body.unwrap_or(&[])),
    };
    py.detach(|| ctyun_md5::sign(&req, &creds, time))
        .py_err(py)
        .map(Into::into)
}

/// CTyun `Authorization: CTYUN <AppKey>:<sig>` with `X-CTYUN-DT` (manual 003).
#[pyfunction]
#[pyo3(signature = (method, path, *, app_key, app_secret, query=Vec::new(), headers=Vec::new(),
    body=None, body_sha1=None, time_ms=None))]
#[allow(clippy::too_many_arguments)]
pub fn sign_ctyun_hmac(
    py: Python<'_>,
    method: &str,
    path: &str,
    app_key: String,
    app_secret: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<&[u8]>,
    body_sha1: Option<&str>,
    time_ms: Option<i64>,
) -> PyResult<PySignature> {
    let creds = ctyun_hmac::HmacCredentials {
        app_key,
        app_secret: SecretString::new(app_secret),
    };
    let time = time_of(time_ms)?;
    let (q, h) = (pairs(&query), pairs(&headers));
    let body = self::body(body, body_sha1)?;
    let req = SignableRequest {
        method,
        path,
        query: &q,
        headers: &h,
        body,
    };
    py.detach(|| ctyun_hmac::sign(&req, &creds, time))
        .py_err(py)
        .map(Into::into)
}

/// Huawei APIG signature (`SDK-HMAC-SHA256`, `SDK-HMAC-SM3` or `V11-HMAC-SHA256`).
/// `time_ms` is ignored when the request already carries `X-Sdk-Date`.
#[pyfunction]
#[pyo3(signature = (method, path, *, ak, sk, host=None, algorithm="SDK-HMAC-SHA256",
    query=Vec::new(), headers=Vec::new(), body=None, unsigned_payload=false, project_id=None,
    region_id=None, service_name=None, time_ms=None))]
#[allow(clippy::too_many_arguments)]
pub fn sign_apig(
    py: Python<'_>,
    method: &str,
    path: &str,
    ak: String,
    sk: String,
    host: Option<String>,
    algorithm: &str,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<&[u8]>,
    unsigned_payload: bool,
    project_id: Option<String>,
    region_id: Option<String>,
    service_name: Option<String>,
    time_ms: Option<i64>,
) -> PyResult<PySignature> {
    use cnvision::auth::apig;
    let alg = apig::Algorithm::from_name(algorithm).ok_or_else(|| {
        PyValueError::new_err(format!(
            "algorithm must be SDK-HMAC-SHA256, SDK-HMAC-SM3 or V11-HMAC-SHA256, got {algorithm:?}"
        ))
    })?;
    let creds = apig::ApigCredentials::new(ak, sk);
    let settings = apig::ApigSettings {
        algorithm: alg,
        host,
        project_id,
        derived: match (region_id, service_name) {
            (Some(region_id), Some(service_name)) => Some(apig::DerivedScope {
                region_id,
                service_name,
            }),
            _ => None,
        },
    };
    let time = time_of(time_ms)?;
    let (q, h) = (pairs(&query), pairs(&headers));
    let body = if unsigned_payload {
        SignableBody::Unsigned
    } else {
        SignableBody::Bytes(body.unwrap_or(&[]))
    };
    let req = SignableRequest {
        method,
        path,
        query: &q,
        headers: &h,
        body,
    };
    py.detach(|| apig::sign(&req, &creds, &settings, time))
        .py_err(py)
        .map(Into::into)
}
