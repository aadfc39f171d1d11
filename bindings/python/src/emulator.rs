//! `cnvision.testing.Emulator`'s native half: the Rust emulator (`cnvision-emulator`)
//! served in-process on 127.0.0.1 from background threads.

use std::collections::BTreeMap;
use std::sync::Mutex;

use cnvision_emulator::{config as creds, Emulator, EmulatorConfig, FaultKind};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::IntoPyResult;

/// A running emulator. `shutdown()` stops it (idempotent); so does garbage collection.
#[pyclass(frozen, module = "cnvision._native", name = "Emulator")]
#[derive(Debug)]
pub struct PyEmulator {
    inner: Mutex<Option<Emulator>>,
    base_url: String,
    port: u16,
    sm2_public_key: String,
}

impl PyEmulator {
    fn with<T>(&self, f: impl FnOnce(&Emulator) -> T) -> PyResult<T> {
        let guard = self
            .inner
            .lock()
            .map_err(|_| PyRuntimeError::new_err("emulator lock poisoned"))?;
        guard
            .as_ref()
            .map(f)
            .ok_or_else(|| PyRuntimeError::new_err("emulator has been shut down"))
    }
}

#[pymethods]
impl PyEmulator {
    /// Binds 127.0.0.1:`port` (0 = a free port) and starts serving.
    #[new]
    #[pyo3(signature = (*, port=0, workers=16, clock_offset_secs=0, date_window_secs=900))]
    fn new(
        py: Python<'_>,
        port: u16,
        workers: usize,
        clock_offset_secs: i64,
        date_window_secs: u64,
    ) -> PyResult<Self> {
        let config = EmulatorConfig {
            port,
            workers,
            clock_offset_secs,
            date_window_secs,
            ..EmulatorConfig::default()
        };
        let emu = py.detach(|| Emulator::start(config)).py_err(py)?;
        Ok(PyEmulator {
            base_url: emu.base_url(),
            port: emu.port(),
            sm2_public_key: emu.sm2_public_key_spki_b64(),
            inner: Mutex::new(Some(emu)),
        })
    }

    /// `http://127.0.0.1:{port}`: the endpoint of every gateway.
    #[getter]
    fn base_url(&self) -> &str {
        &self.base_url
    }

    #[getter]
    fn port(&self) -> u16 {
        self.port
    }

    /// Base64 X.509 SPKI of the emulator's SM2 public key (for `encrypt=True`).
    #[getter]
    fn sm2_public_key(&self) -> &str {
        &self.sm2_public_key
    }

    /// The emulator's fixed public test credentials, by the names `cnvision.Client`
    /// takes as keyword arguments.
    #[staticmethod]
    fn credentials(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in [
            ("ctyun_ak", creds::EOP_AK),
            ("ctyun_sk", creds::EOP_SK),
            ("ctyun_app_key", creds::EOP_APP_KEY),
            ("ctyun_app_secret", creds::LEGACY_APP_SECRET),
            ("huawei_ak", creds::HUAWEI_AK),
            ("huawei_sk", creds::HUAWEI_SK),
            ("huawei_project_id", creds::HUAWEI_PROJECT_ID),
            ("huawei_region", creds::HUAWEI_REGION),
            ("huawei_iam_user", creds::IAM_USER),
            ("huawei_iam_password", creds::IAM_PASSWORD),
            ("huawei_iam_domain", creds::IAM_DOMAIN),
            ("legacy_app_key", creds::LEGACY_APP_KEY),
            ("sm2_private_key_hex", creds::SM2_PRIVATE_KEY_HEX),
        ] {
            d.set_item(k, v)?;
        }
        Ok(d)
    }

    /// Requests routed to operation `op_id` (rejected ones included).
    fn count(&self, op_id: &str) -> PyResult<u64> {
        self.with(|e| e.count(op_id))
    }

    /// Requests routed to any operation.
    fn total(&self) -> PyResult<u64> {
        self.with(|e| e.total())
    }

    /// Every non-zero per-operation count.
    fn counts(&self) -> PyResult<BTreeMap<String, u64>> {
        self.with(|e| e.counts())
    }

    /// Clears counters, faults and tokens; restores the configured clock offset.
    fn reset(&self) -> PyResult<()> {
        self.with(|e| e.reset())
    }

    /// Arms a fault for the next `count` requests of `op` (None = any operation).
    /// `kind`: delay (with `ms`), reset, status (with `status`), throttle,
    /// malformed_json, tamper_result, tamper_hash, provider_error (with `code`, a
    /// documented provider code of the catalog).
    #[pyo3(signature = (kind, *, op=None, count=1, ms=None, status=None, code=None))]
    fn inject(
        &self,
        kind: &str,
        op: Option<&str>,
        count: u32,
        ms: Option<u64>,
        status: Option<u16>,
        code: Option<&str>,
    ) -> PyResult<()> {
        let mut spec = serde_json::Map::new();
        spec.insert("kind".into(), kind.into());
        if let Some(ms) = ms {
            spec.insert("ms".into(), ms.into());
        }
        if let Some(status) = status {
            spec.insert("status".into(), status.into());
        }
        if let Some(code) = code {
            spec.insert("code".into(), code.into());
        }
        let kind: FaultKind = serde_json::from_value(serde_json::Value::Object(spec))
            .map_err(|e| PyValueError::new_err(format!("bad fault: {e}")))?;
        self.with(|e| e.inject(op, kind, count))
    }

    /// Disarms every fault.
    fn clear_faults(&self) -> PyResult<()> {
        self.with(|e| e.clear_faults())
    }

    /// Shifts the clock request dates are judged by, seconds.
    fn set_clock_offset_secs(&self, secs: i64) -> PyResult<()> {
        self.with(|e| e.set_clock_offset_secs(secs))
    }

    /// Stops serving and joins the threads. Idempotent.
    fn shutdown(&self, py: Python<'_>) -> PyResult<()> {
        let taken = self
            .inner
            .lock()
            .map_err(|_| PyRuntimeError::new_err("emulator lock poisoned"))?
            .take();
        if let Some(mut emu) = taken {
            py.detach(|| emu.shutdown());
        }
        Ok(())
    }

    /// Whether it is still serving.
    #[getter]
    fn running(&self) -> PyResult<bool> {
        Ok(self
            .inner
            .lock()
            .map_err(|_| PyRuntimeError::new_err("emulator lock poisoned"))?
            .is_some())
    }
}
