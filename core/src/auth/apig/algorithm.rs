//! The three APIG HMAC algorithms of huaweicloudsdkcore and their primitives.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use sm3::Sm3;

/// An APIG signing algorithm, named as on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Algorithm {
    /// `SDK-HMAC-SHA256` (`huaweicloudsdkcore.signer.signer.Signer`).
    SdkHmacSha256,
    /// `SDK-HMAC-SM3` (`SM3Signer`): SM3 for hashes and HMAC.
    SdkHmacSm3,
    /// `V11-HMAC-SHA256` (`DerivationAKSKSigner`): HMAC-SHA256 keyed by an
    /// HKDF-derived key scoped to `{yyyyMMdd}/{region}/{service}`.
    V11HmacSha256,
}

/// Hex SHA-256 of the empty string: the payload hash of an empty body.
pub const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/// Hex SM3 of the empty string: the payload hash of an empty body under SM3.
pub const EMPTY_SM3: &str = "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b";
/// The content-hash value that tells APIG the body is not signed.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

impl Algorithm {
    /// Every algorithm, for tests and parsers.
    pub const ALL: [Algorithm; 3] = [
        Algorithm::SdkHmacSha256,
        Algorithm::SdkHmacSm3,
        Algorithm::V11HmacSha256,
    ];

    /// The name in the string to sign and the `Authorization` header.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::SdkHmacSha256 => "SDK-HMAC-SHA256",
            Algorithm::SdkHmacSm3 => "SDK-HMAC-SM3",
            Algorithm::V11HmacSha256 => "V11-HMAC-SHA256",
        }
    }

    /// The algorithm with wire name `name` (exact, case-sensitive).
    pub fn from_name(name: &str) -> Option<Algorithm> {
        Self::ALL.iter().copied().find(|a| a.name() == name)
    }

    /// The header that carries a precomputed body hash or `UNSIGNED-PAYLOAD`
    /// (`X-Sdk-Content-Sm3` for SM3, `X-Sdk-Content-Sha256` otherwise).
    pub fn content_hash_header(self) -> &'static str {
        match self {
            Algorithm::SdkHmacSm3 => "X-Sdk-Content-Sm3",
            _ => "X-Sdk-Content-Sha256",
        }
    }

    /// Hex hash of the empty body.
    pub fn empty_body_hash(self) -> &'static str {
        match self {
            Algorithm::SdkHmacSm3 => EMPTY_SM3,
            _ => EMPTY_SHA256,
        }
    }

    /// Lower-case hex hash of `data` (SM3 for `SDK-HMAC-SM3`, SHA-256 otherwise).
    pub fn hash_hex(self, data: &[u8]) -> String {
        match self {
            Algorithm::SdkHmacSm3 => hex::encode(Sm3::digest(data)),
            _ => hex::encode(Sha256::digest(data)),
        }
    }

    /// Lower-case hex HMAC of `data` under `key` with this algorithm's hash.
    pub fn hmac_hex(self, key: &[u8], data: &[u8]) -> String {
        // HMAC accepts keys of any length, so `new_from_slice` cannot fail here;
        // the fallback keeps the function total without a panic path.
        match self {
            Algorithm::SdkHmacSm3 => match Hmac::<Sm3>::new_from_slice(key) {
                Ok(mut mac) => {
                    mac.update(data);
                    hex::encode(mac.finalize().into_bytes())
                }
                Err(_) => String::new(),
            },
            _ => match Hmac::<Sha256>::new_from_slice(key) {
                Ok(mut mac) => {
                    mac.update(data);
                    hex::encode(mac.finalize().into_bytes())
                }
                Err(_) => String::new(),
            },
        }
    }
}

impl std::fmt::Display for Algorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_hashes_match_constants() {
        for a in Algorithm::ALL {
            assert_eq!(a.hash_hex(b""), a.empty_body_hash());
            assert_eq!(Algorithm::from_name(a.name()), Some(a));
        }
        assert_eq!(Algorithm::from_name("sdk-hmac-sha256"), None);
    }

    #[test]
    fn sm3_abc() {
        // GB/T 32905 example 1.
        assert_eq!(
            Algorithm::SdkHmacSm3.hash_hex(b"abc"),
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
        );
    }
}
