//! cnvision `Error` → Python exception. The classes live in pure Python
//! (`cnvision/_errors.py`, one per `ErrorKind`); the package hands them to
//! [`register_error_classes`] at import time and every native failure is raised
//! as the class of its kind, with `.provider_code`, `.http_status` and `.request_id`.

use cnvision::{Error, ErrorKind};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

/// Exception class per `ErrorKind::code()`, set once by the package's `__init__`.
static CLASSES: PyOnceLock<Vec<(u32, Py<PyType>)>> = PyOnceLock::new();

/// `[(code, name)]` of every error kind, in numeric order.
#[pyfunction]
pub fn error_kinds() -> Vec<(u32, &'static str)> {
    ErrorKind::ALL
        .iter()
        .map(|k| (k.code(), k.name()))
        .collect()
}

/// Registers the exception class of each kind code. Every `ErrorKind` must be
/// present exactly once; may be called once per process.
#[pyfunction]
pub fn register_error_classes(py: Python<'_>, classes: &Bound<'_, PyDict>) -> PyResult<()> {
    let mut list = Vec::with_capacity(ErrorKind::ALL.len());
    for kind in ErrorKind::ALL {
        let class = classes
            .get_item(kind.code())?
            .ok_or_else(|| PyRuntimeError::new_err(format!("no class for kind {}", kind.name())))?;
        list.push((kind.code(), class.cast_into::<PyType>()?.unbind()));
    }
    if classes.len() != list.len() {
        return Err(PyRuntimeError::new_err(
            "unknown error kind code in the class map",
        ));
    }
    CLASSES
        .set(py, list)
        .map_err(|_| PyRuntimeError::new_err("error classes already registered"))
}

/// The Python exception for a cnvision error.
pub fn to_py(py: Python<'_>, e: &Error) -> PyErr {
    let code = e.kind().code();
    let Some(class) = CLASSES
        .get(py)
        .and_then(|l| l.iter().find(|(c, _)| *c == code))
        .map(|(_, t)| t.bind(py).clone())
    else {
        return PyRuntimeError::new_err(e.to_string());
    };
    let build = || -> PyResult<PyErr> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("provider_code", e.provider_code())?;
        kwargs.set_item("http_status", e.http_status())?;
        kwargs.set_item("request_id", e.request_id())?;
        let value = class.call((e.message(),), Some(&kwargs))?;
        Ok(PyErr::from_value(value))
    };
    build().unwrap_or_else(|err| err)
}

/// `Result<T, cnvision::Error>` → `PyResult<T>`.
pub trait IntoPyResult<T> {
    fn py_err(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for cnvision::Result<T> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py(py, &e))
    }
}

/// Raises the exception the native layer raises for a core error of kind `code`
/// (1..=10): lets users (and the package's own tests) exercise their handling of
/// every kind, including `internal`, which no correct call produces.
#[pyfunction]
#[pyo3(signature = (code, message, *, provider_code=None, http_status=None, request_id=None))]
pub fn raise_error(
    py: Python<'_>,
    code: u32,
    message: &str,
    provider_code: Option<String>,
    http_status: Option<u16>,
    request_id: Option<String>,
) -> PyResult<()> {
    let kind = ErrorKind::from_code(code)
        .ok_or_else(|| pyo3::exceptions::PyValueError::new_err(format!("no error kind {code}")))?;
    let mut e = Error::new(kind, message);
    if let Some(c) = provider_code {
        e = e.with_provider_code(c);
    }
    if let Some(s) = http_status {
        e = e.with_http_status(s);
    }
    if let Some(r) = request_id {
        e = e.with_request_id(r);
    }
    Err(to_py(py, &e))
}
