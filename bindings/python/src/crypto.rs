//! SM2 / SM3 / SM4 / HMAC-SM3 and the CTyun `decrypted: true` envelope (manual 002
//! §6.2.4). Everything runs in the core with the GIL released; keys cross as bytes
//! or as the text forms the core parses (SPKI base64/PEM, hex).

use cnvision::crypto::envelope::{self, SessionKeys};
use cnvision::crypto::sm2::{Mode, PublicKey, SecretKey};
use cnvision::crypto::{hmac_sm3 as hsm3, sm4};
use cnvision::SecretBytes;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::IntoPyResult;

fn mode(name: &str) -> PyResult<Mode> {
    Mode::from_name(name).ok_or_else(|| {
        PyValueError::new_err(format!("mode must be c1c3c2 or c1c2c3, got {name:?}"))
    })
}

fn bytes<'py>(py: Python<'py>, b: &[u8]) -> Bound<'py, PyBytes> {
    PyBytes::new(py, b)
}

/// The per-request envelope secrets (SM4 key, HMAC-SM3 key). `repr` is redacted.
#[pyclass(frozen, module = "cnvision._native", name = "SessionKeys")]
#[derive(Debug)]
pub struct PySessionKeys(pub SessionKeys);

#[pymethods]
impl PySessionKeys {
    /// Fresh random keys (16-byte SM4 key, 16-byte HMAC key).
    #[staticmethod]
    fn generate(py: Python<'_>) -> PyResult<Self> {
        SessionKeys::generate().py_err(py).map(PySessionKeys)
    }

    /// Keys from known bytes (tests, gateway side).
    #[new]
    fn new(py: Python<'_>, sm4_key: &[u8], hmac_key: &[u8]) -> PyResult<Self> {
        let sm4 = sm4::Sm4Key::from_bytes(sm4_key).py_err(py)?;
        SessionKeys::from_parts(sm4, SecretBytes::new(hmac_key.to_vec()))
            .py_err(py)
            .map(PySessionKeys)
    }

    /// The SM4 key bytes (secret: do not log).
    #[getter]
    fn sm4_key<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        bytes(py, self.0.sm4_key().expose())
    }

    /// The HMAC-SM3 key bytes (secret: do not log).
    #[getter]
    fn hmac_key<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        bytes(py, self.0.hmac_key())
    }

    fn __repr__(&self) -> &'static str {
        "SessionKeys(** REDACTED **)"
    }
}

/// SM3 digest (32 bytes).
#[pyfunction]
pub fn sm3<'py>(py: Python<'py>, data: &[u8]) -> Bound<'py, PyBytes> {
    let d = py.detach(|| hsm3::sm3(data));
    bytes(py, &d)
}

/// HMAC-SM3 tag (32 bytes).
#[pyfunction]
pub fn hmac_sm3<'py>(py: Python<'py>, key: &[u8], data: &[u8]) -> Bound<'py, PyBytes> {
    let d = py.detach(|| hsm3::hmac_sm3(key, data));
    bytes(py, &d)
}

/// SM4-ECB with PKCS#7 padding; `key` is 16 bytes.
#[pyfunction]
pub fn sm4_encrypt_ecb<'py>(
    py: Python<'py>,
    key: &[u8],
    plain: &[u8],
) -> PyResult<Bound<'py, PyBytes>> {
    let key = sm4::Sm4Key::from_bytes(key).py_err(py)?;
    let out = py.detach(|| sm4::encrypt_ecb(&key, plain));
    Ok(bytes(py, &out))
}

/// Inverse of [`sm4_encrypt_ecb`]; bad length or padding is a `CryptoError`.
#[pyfunction]
pub fn sm4_decrypt_ecb<'py>(
    py: Python<'py>,
    key: &[u8],
    ciphertext: &[u8],
) -> PyResult<Bound<'py, PyBytes>> {
    let key = sm4::Sm4Key::from_bytes(key).py_err(py)?;
    let out = py
        .detach(|| sm4::decrypt_ecb(&key, ciphertext))
        .py_err(py)?;
    Ok(bytes(py, &out))
}

/// One raw SM4 block encryption (16 bytes in, 16 out), repeated `iterations` times.
#[pyfunction]
#[pyo3(signature = (key, block, iterations=1))]
pub fn sm4_encrypt_block<'py>(
    py: Python<'py>,
    key: &[u8],
    block: &[u8],
    iterations: u32,
) -> PyResult<Bound<'py, PyBytes>> {
    let key = sm4::Sm4Key::from_bytes(key).py_err(py)?;
    let mut b: [u8; sm4::BLOCK] = block
        .try_into()
        .map_err(|_| PyValueError::new_err("block must be 16 bytes"))?;
    py.detach(|| {
        for _ in 0..iterations {
            sm4::encrypt_block(&key, &mut b);
        }
    });
    Ok(bytes(py, &b))
}

/// An SM2 public key in any accepted text form (SPKI base64/PEM, `04||X||Y` or
/// `X||Y` hex/base64) as uncompressed SEC1 bytes (`04||X||Y`).
#[pyfunction]
pub fn sm2_public_key_sec1<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyBytes>> {
    let key = PublicKey::parse(text).py_err(py)?;
    Ok(bytes(py, &key.to_sec1_uncompressed()))
}

/// SM2 encryption for `public_key` (text as in [`sm2_public_key_sec1`]);
/// output `04 || C1 || C3 || C2` (or C1C2C3 with `mode="c1c2c3"`).
#[pyfunction]
#[pyo3(signature = (public_key, message, mode="c1c3c2"))]
pub fn sm2_encrypt<'py>(
    py: Python<'py>,
    public_key: &str,
    message: &[u8],
    mode: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let m = self::mode(mode)?;
    let key = PublicKey::parse(public_key).py_err(py)?;
    let out = py.detach(|| key.encrypt(message, m)).py_err(py)?;
    Ok(bytes(py, &out))
}

/// SM2 decryption with a 32-byte private key given as hex.
#[pyfunction]
#[pyo3(signature = (private_key_hex, ciphertext, mode="c1c3c2"))]
pub fn sm2_decrypt<'py>(
    py: Python<'py>,
    private_key_hex: &str,
    ciphertext: &[u8],
    mode: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let m = self::mode(mode)?;
    let key = SecretKey::from_hex(private_key_hex).py_err(py)?;
    let out = py.detach(|| key.decrypt(ciphertext, m)).py_err(py)?;
    Ok(bytes(py, &out))
}

/// Client side: seal a plain JSON body for the gateway's public key. Returns the
/// five-field body and the session keys needed to open the answer. `keys`
/// overrides the fresh random keys (tests).
#[pyfunction]
#[pyo3(signature = (plain_json, public_key, mode="c1c3c2", keys=None))]
pub fn envelope_seal<'py>(
    py: Python<'py>,
    plain_json: &[u8],
    public_key: &str,
    mode: &str,
    keys: Option<&PySessionKeys>,
) -> PyResult<(Bound<'py, PyBytes>, PySessionKeys)> {
    let m = self::mode(mode)?;
    let key = PublicKey::parse(public_key).py_err(py)?;
    let (body, keys) = py
        .detach(|| match keys {
            Some(k) => {
                envelope::seal_with_keys(plain_json, &key, m, &k.0).map(|b| (b, k.0.clone()))
            }
            None => envelope::seal(plain_json, &key, m),
        })
        .py_err(py)?;
    Ok((bytes(py, &body), PySessionKeys(keys)))
}

/// Client side: verify and decrypt the gateway's answer (a plain non-zero-status
/// body passes through unchanged).
#[pyfunction]
pub fn envelope_open<'py>(
    py: Python<'py>,
    response_body: &[u8],
    keys: &PySessionKeys,
) -> PyResult<Bound<'py, PyBytes>> {
    let out = py
        .detach(|| envelope::open(response_body, &keys.0))
        .py_err(py)?;
    Ok(bytes(py, &out))
}

/// Gateway side: open a sealed request with the SM2 private key (hex).
#[pyfunction]
#[pyo3(signature = (sealed_body, private_key_hex, mode="c1c3c2"))]
pub fn envelope_open_request<'py>(
    py: Python<'py>,
    sealed_body: &[u8],
    private_key_hex: &str,
    mode: &str,
) -> PyResult<(Bound<'py, PyBytes>, PySessionKeys)> {
    let m = self::mode(mode)?;
    let key = SecretKey::from_hex(private_key_hex).py_err(py)?;
    let (plain, keys) = py
        .detach(|| envelope::open_request_with_mode(sealed_body, &key, m))
        .py_err(py)?;
    Ok((bytes(py, &plain), PySessionKeys(keys)))
}

/// Gateway side: seal a successful plain result under the request's keys.
#[pyfunction]
pub fn envelope_seal_response<'py>(
    py: Python<'py>,
    plain_result_json: &[u8],
    keys: &PySessionKeys,
) -> PyResult<Bound<'py, PyBytes>> {
    let out = py
        .detach(|| envelope::seal_response(plain_result_json, &keys.0))
        .py_err(py)?;
    Ok(bytes(py, &out))
}
