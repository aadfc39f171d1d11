//! `cnvision._native.Client`: one `cnvision::Client` shared by every Python thread.
//! `call` converts the parameters and media, releases the GIL for the whole core
//! call (validation, file reading, base64, envelope, signing, network) and converts
//! the response back, with the typed result as JSON (`cnvision::api::typed_result_json`,
//! computed without the GIL). Media bytes are borrowed from the Python `bytes` objects, and
//! paths go to the core as paths, so nothing is copied on the way in.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use cnvision::media::Media;
use cnvision::{CallOptions, Client};
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

use crate::config::{self, Options, ARG_ENV, GATEWAY_ENV};
use crate::errors::{self, IntoPyResult};
use crate::json;

/// A client; `close()` releases it (idempotent; later calls raise ConfigurationError).
#[pyclass(frozen, module = "cnvision._native", name = "Client")]
#[derive(Debug)]
pub struct PyClient {
    inner: RwLock<Option<Arc<Client>>>,
}

/// One media item as handed over: borrowed bytes or a path the core reads once.
enum Held<'py> {
    Bytes(Bound<'py, PyBytes>),
    Path(PathBuf),
}

impl PyClient {
    fn client(&self, py: Python<'_>) -> PyResult<Arc<Client>> {
        let guard = self
            .inner
            .read()
            .map_err(|_| PyRuntimeError::new_err("client lock poisoned"))?;
        guard.clone().ok_or_else(|| {
            errors::to_py(py, &cnvision::Error::config("the client has been closed"))
        })
    }
}

/// Borrows held media as the core's `MediaInputs` (no copy).
fn lend_media<'a>(held: &'a [(String, Held<'_>)]) -> Vec<(&'a str, Media<'a>)> {
    held.iter()
        .map(|(n, h)| {
            let m = match h {
                Held::Bytes(b) => Media::Bytes(b.as_bytes()),
                Held::Path(p) => Media::File(p.as_path()),
            };
            (n.as_str(), m)
        })
        .collect()
}

fn held_media<'py>(media: &Bound<'py, PyList>) -> PyResult<Vec<(String, Held<'py>)>> {
    let mut out = Vec::with_capacity(media.len());
    for item in media.iter() {
        let (name, value): (String, Bound<'py, PyAny>) = item.extract().map_err(|_| {
            PyTypeError::new_err("media items must be (field name, bytes or path) pairs")
        })?;
        let held = match value.cast_into::<PyBytes>() {
            Ok(b) => Held::Bytes(b),
            Err(e) => {
                let v = e.into_inner();
                Held::Path(v.extract::<PathBuf>().map_err(|_| {
                    PyTypeError::new_err(format!("{name}: media must be bytes or a path"))
                })?)
            }
        };
        out.push((name, held));
    }
    Ok(out)
}

#[pymethods]
impl PyClient {
    /// See `cnvision.Client` for the arguments.
    #[new]
    #[pyo3(signature = (*, from_env=true, credentials=None, endpoint=None, endpoints=None,
        proxy=None, ca_file=None, connect_timeout=None, read_timeout=None, total_timeout=None,
        rate_limit=true, rate_limit_mode="block", user_agent_suffix=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        from_env: bool,
        credentials: Option<HashMap<String, String>>,
        endpoint: Option<String>,
        endpoints: Option<HashMap<String, String>>,
        proxy: Option<String>,
        ca_file: Option<PathBuf>,
        connect_timeout: Option<f64>,
        read_timeout: Option<f64>,
        total_timeout: Option<f64>,
        rate_limit: bool,
        rate_limit_mode: &str,
        user_agent_suffix: Option<String>,
    ) -> PyResult<Self> {
        let mut values = HashMap::new();
        let mut credentials = credentials.unwrap_or_default();
        let legacy_app_key = credentials.remove("ctyun_legacy_app_key");
        for (arg, value) in credentials {
            let env = ARG_ENV
                .iter()
                .find(|(a, _)| *a == arg)
                .map(|(_, e)| *e)
                .ok_or_else(|| PyTypeError::new_err(format!("unknown credential {arg:?}")))?;
            values.insert(env, value);
        }
        if let Some(url) = endpoint {
            for (_, env) in GATEWAY_ENV {
                values.insert(env, url.clone());
            }
        }
        for (gateway, url) in endpoints.unwrap_or_default() {
            let env = GATEWAY_ENV
                .iter()
                .find(|(g, _)| *g == gateway)
                .map(|(_, e)| *e)
                .ok_or_else(|| {
                    PyTypeError::new_err(format!(
                        "unknown gateway {gateway:?} (one of: {})",
                        GATEWAY_ENV.map(|(g, _)| g).join(", ")
                    ))
                })?;
            values.insert(env, url);
        }
        if let Some(p) = proxy {
            values.insert("CNVISION_PROXY", p);
        }
        if let Some(f) = ca_file {
            values.insert("CNVISION_CA_FILE", f.to_string_lossy().into_owned());
        }
        let options = Options {
            from_env,
            values,
            connect_timeout,
            read_timeout,
            total_timeout,
            rate_limit,
            rate_limit_mode: rate_limit_mode.to_string(),
            user_agent_suffix,
            legacy_app_key,
        };
        let config = config::build(&options)?.py_err(py)?;
        let client = py.detach(|| Client::new(config)).py_err(py)?;
        Ok(PyClient {
            inner: RwLock::new(Some(Arc::new(client))),
        })
    }

    /// Validate, build, (seal,) sign, send and normalize one call of `op_id`.
    /// `params`: JSON-compatible values by wire name; `media`: (wire name, bytes or
    /// path) pairs, one per item of list fields, in order.
    #[pyo3(signature = (op_id, params, media, *, encrypt=false, request_id=None))]
    fn call(
        &self,
        py: Python<'_>,
        op_id: &str,
        params: &Bound<'_, PyDict>,
        media: &Bound<'_, PyList>,
        encrypt: bool,
        request_id: Option<String>,
    ) -> PyResult<PyResponse> {
        let client = self.client(py)?;
        let params = json::dict_to_map(params, "params")?;
        let held = held_media(media)?;
        let media = lend_media(&held);
        let options = CallOptions {
            encrypt,
            request_id,
        };
        let (response, typed) = py
            .detach(|| {
                let response = client.call(op_id, &params, &media, &options)?;
                let typed = cnvision::api::typed_result_json(response.operation, &response)?;
                Ok::<_, cnvision::Error>((response, typed))
            })
            .py_err(py)?;
        PyResponse::new(py, response, &typed)
    }

    /// Local validation only; nothing is sent. Same arguments as `call`.
    fn validate(
        &self,
        py: Python<'_>,
        op_id: &str,
        params: &Bound<'_, PyDict>,
        media: &Bound<'_, PyList>,
    ) -> PyResult<()> {
        let client = self.client(py)?;
        let params = json::dict_to_map(params, "params")?;
        let held = held_media(media)?;
        let media = lend_media(&held);
        py.detach(|| client.validate(op_id, &params, &media))
            .py_err(py)
    }

    /// Releases the client. Calls already running finish; later calls fail.
    fn close(&self) -> PyResult<()> {
        self.inner
            .write()
            .map_err(|_| PyRuntimeError::new_err("client lock poisoned"))?
            .take();
        Ok(())
    }

    #[getter]
    fn closed(&self) -> PyResult<bool> {
        Ok(self
            .inner
            .read()
            .map_err(|_| PyRuntimeError::new_err("client lock poisoned"))?
            .is_none())
    }
}

/// A successful call's outcome, converted to Python objects once.
#[pyclass(frozen, module = "cnvision._native", name = "Response")]
#[derive(Debug)]
pub struct PyResponse {
    #[pyo3(get)]
    operation: &'static str,
    #[pyo3(get)]
    http_status: u16,
    #[pyo3(get)]
    request_id: Option<String>,
    #[pyo3(get)]
    provider_code: Option<String>,
    #[pyo3(get)]
    message: Option<String>,
    /// The normalized payload (returnObj / result / data; the whole body for Huawei).
    #[pyo3(get)]
    result: Py<PyAny>,
    /// The whole response JSON (decrypted when the envelope was used).
    #[pyo3(get)]
    body: Py<PyAny>,
    /// The typed result as JSON values (`cnvision::api::typed_result_json`: Rust field
    /// names, enums as snake_case strings, bytes as standard base64).
    #[pyo3(get)]
    typed: Py<PyAny>,
    /// Decoded images of the operation's binary results: {JSON pointer: bytes}.
    #[pyo3(get)]
    binaries: Py<PyDict>,
    /// `huawei.iam.token` only: the `X-Subject-Token` (secret: do not log).
    #[pyo3(get)]
    subject_token: Option<String>,
}

impl PyResponse {
    fn new(py: Python<'_>, r: cnvision::Response, typed: &serde_json::Value) -> PyResult<Self> {
        let binaries = PyDict::new(py);
        for (pointer, data) in &r.binaries {
            binaries.set_item(pointer, PyBytes::new(py, data))?;
        }
        Ok(PyResponse {
            operation: r.operation,
            http_status: r.http_status,
            request_id: r.request_id,
            provider_code: r.provider_code,
            message: r.message,
            result: json::to_py(py, &r.result)?.unbind(),
            body: json::to_py(py, &r.body)?.unbind(),
            typed: json::to_py(py, typed)?.unbind(),
            binaries: binaries.unbind(),
            subject_token: r.subject_token.map(|t| t.expose().to_string()),
        })
    }
}

#[pymethods]
impl PyResponse {
    fn __repr__(&self) -> String {
        format!(
            "Response(operation={:?}, http_status={}, request_id={:?})",
            self.operation, self.http_status, self.request_id
        )
    }
}
