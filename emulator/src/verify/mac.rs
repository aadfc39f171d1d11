//! HMAC and digest helpers over the RustCrypto 0.11 generation.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

/// HMAC-SHA256(key, data).
pub fn hmac_sha256(key: &[u8], data: &[u8]) -> Vec<u8> {
    // `new_from_slice` accepts keys of any length for HMAC; it cannot fail.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

/// HMAC-SM3(key, data).
pub fn hmac_sm3(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut mac =
        <Hmac<sm3::Sm3> as KeyInit>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Lower-case hex SM3.
pub fn sm3_hex(data: &[u8]) -> String {
    hex::encode(sm3::Sm3::digest(data))
}

/// Lower-case hex SHA-1.
pub fn sha1_hex(data: &[u8]) -> String {
    hex::encode(sha1::Sha1::digest(data))
}

/// Lower-case hex MD5.
pub fn md5_hex(data: &[u8]) -> String {
    hex::encode(md5::Md5::digest(data))
}

/// Equality that does not stop at the first differing byte.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
