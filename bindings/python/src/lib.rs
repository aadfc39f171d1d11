//! `cnvision._native`: the PyO3 module under the `cnvision` Python package. It holds
//! no logic of its own: it converts Python values to the core's types and back, maps
//! `cnvision::Error` to the package's exception classes, and releases the GIL while
//! the core signs, encrypts or waits on the network.

mod client;
mod config;
mod crypto;
mod emulator;
mod errors;
mod json;
mod signers;

use pyo3::prelude::*;

/// The operation catalog as JSON text (`cnvision::catalog::to_json`).
#[pyfunction]
fn catalog_json() -> String {
    cnvision::catalog::to_json()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", cnvision::VERSION)?;
    m.add_function(wrap_pyfunction!(catalog_json, m)?)?;
    m.add_function(wrap_pyfunction!(errors::error_kinds, m)?)?;
    m.add_function(wrap_pyfunction!(errors::register_error_classes, m)?)?;
    m.add_function(wrap_pyfunction!(errors::raise_error, m)?)?;
    m.add_class::<signers::PySignature>()?;
    m.add_function(wrap_pyfunction!(signers::sign_eop, m)?)?;
    m.add_function(wrap_pyfunction!(signers::sign_ctyun_md5, m)?)?;
    m.add_function(wrap_pyfunction!(signers::sign_ctyun_hmac, m)?)?;
    m.add_function(wrap_pyfunction!(signers::sign_apig, m)?)?;
    m.add_class::<crypto::PySessionKeys>()?;
    m.add_function(wrap_pyfunction!(crypto::sm3, m)?)?;
    m.add_function(wrap_pyfunction!(crypto::hmac_sm3, m)?)?;
    m.add_function(wrap_pyfunction!(crypto::sm4_encrypt_ecb, m)?)?;
    m.add_function(wrap_pyfunction!(crypto::sm4_decrypt_ecb, m)?)?;
    m.add_function(wrap_pyfunction!(crypto::sm4_encrypt_block, m)?)?;
    m.add_function(wrap_pyfunction!(crypto::sm2_public_key_sec1, m)?)?;
    m.add_function(wrap_pyfunction!(crypto::sm2_encrypt, m)?)?;
    m.add_function(wrap_pyfunction!(crypto::sm2_decrypt, m)?)?;
    m.add_function(wrap_pyfunction!(crypto::envelope_seal, m)?)?;
    m.add_function(wrap_pyfunction!(crypto::envelope_open, m)?)?;
    m.add_function(wrap_pyfunction!(crypto::envelope_open_request, m)?)?;
    m.add_function(wrap_pyfunction!(crypto::envelope_seal_response, m)?)?;
    m.add_class::<emulator::PyEmulator>()?;
    m.add_class::<client::PyClient>()?;
    m.add_class::<client::PyResponse>()?;
    Ok(())
}
