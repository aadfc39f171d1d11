//! HMAC-SM3 (RFC 2104 over GB/T 32905 SM3) via the `hmac` and `sm3` crates.

use crate::{Error, Result};
use hmac::{KeyInit, Mac};
use subtle::ConstantTimeEq;

/// HMAC-SM3 output size in bytes.
pub const OUTPUT_LEN: usize = 32;

type HmacSm3 = hmac::Hmac<sm3::Sm3>;

/// HMAC-SM3 of `data` under `key` (any key length; long keys are hashed first).
pub fn hmac_sm3(key: &[u8], data: &[u8]) -> [u8; OUTPUT_LEN] {
    let mut mac =
        <HmacSm3 as KeyInit>::new_from_slice(key).expect("HMAC accepts keys of every length"); // hmac's KeyInit never fails
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// Checks `tag` against HMAC-SM3(key, data) in constant time.
/// Errors: [`crate::ErrorKind::Crypto`] when they differ (including length).
pub fn verify(key: &[u8], data: &[u8], tag: &[u8]) -> Result<()> {
    let expected = hmac_sm3(key, data);
    if bool::from(expected.as_slice().ct_eq(tag)) {
        Ok(())
    } else {
        Err(Error::crypto("HMAC-SM3 mismatch"))
    }
}

/// SM3 digest (GB/T 32905), for vectors and callers that need the plain hash.
pub fn sm3(data: &[u8]) -> [u8; 32] {
    use sm3::Digest;
    sm3::Sm3::digest(data).into()
}
