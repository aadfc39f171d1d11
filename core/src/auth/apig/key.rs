//! The HMAC key of each algorithm, including the `V11-HMAC-SHA256` HKDF derivation.

use hkdf::Hkdf;
use sha2::Sha256;

use super::algorithm::Algorithm;
use crate::secret::{SecretBytes, SecretString};

/// Length in bytes of the derived V11 key before hex encoding
/// (`DERIVATION_KEY_LENGTH` in huaweicloudsdkcore's `signer/hkdf.py`).
pub const V11_DERIVED_KEY_LEN: usize = 32;

/// The `V11-HMAC-SHA256` signing key, exactly as `hkdf.get_der_key_sha256` builds it:
/// HKDF-SHA256 (RFC 5869) with salt = AK bytes, IKM = SK bytes, info = the credential
/// scope `{yyyyMMdd}/{region}/{service}`, 32 bytes of output, returned as lower-case
/// hex. The HMAC is then keyed by the ASCII bytes of that hex text, not the raw bytes.
pub fn derive_v11_key(ak: &str, sk: &SecretString, scope: &str) -> SecretString {
    let hk = Hkdf::<Sha256>::new(Some(ak.as_bytes()), sk.expose().as_bytes());
    let mut okm = zeroize::Zeroizing::new([0u8; V11_DERIVED_KEY_LEN]);
    // 32 bytes is far below HKDF-SHA256's 255 * 32 limit, so `expand` cannot fail;
    // on the impossible error the key stays zero and signatures simply mismatch.
    let _ = hk.expand(scope.as_bytes(), okm.as_mut());
    SecretString::new(hex::encode(okm.as_ref()))
}

/// The bytes the string to sign is MACed with: the SK for `SDK-HMAC-*`, the hex text
/// of [`derive_v11_key`] for `V11-HMAC-SHA256` (which needs `scope`; without one the SK
/// is used, as for the other algorithms).
pub fn signing_key(
    alg: Algorithm,
    ak: &str,
    sk: &SecretString,
    scope: Option<&str>,
) -> SecretBytes {
    match (alg, scope) {
        (Algorithm::V11HmacSha256, Some(scope)) => {
            SecretBytes::new(derive_v11_key(ak, sk, scope).expose().as_bytes().to_vec())
        }
        _ => SecretBytes::new(sk.expose().as_bytes().to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc5869_case_1_shape() {
        // RFC 5869 A.1 uses raw bytes; check our HKDF wiring with a UTF-8-free variant:
        // salt/ikm/info as bytes give the published OKM prefix.
        let salt: Vec<u8> = (0x00..=0x0c).collect();
        let ikm = [0x0bu8; 22];
        let info: Vec<u8> = (0xf0..=0xf9).collect();
        let hk = Hkdf::<Sha256>::new(Some(&salt), &ikm);
        let mut okm = [0u8; 42];
        hk.expand(&info, &mut okm).unwrap();
        assert_eq!(
            hex::encode(okm),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        );
    }

    #[test]
    fn v11_key_is_hex_of_32_bytes() {
        let k = derive_v11_key(
            "AccessKey",
            &SecretString::new("SecretKey"),
            "20200608/test-region-1/demo",
        );
        assert_eq!(k.expose().len(), 64);
        assert!(k
            .expose()
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    }
}
