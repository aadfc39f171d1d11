//! The CTyun `decrypted: true` body envelope (manual 002 §6.2.4).
//!
//! Request (client → gateway), every value standard padded base64:
//! - `ciphertextBlob`     = SM2(gateway public key, SM4 key)
//! - `encryptedBody`      = SM4-ECB-PKCS#7(SM4 key, original JSON body, UTF-8)
//! - `encryptedHashKey`   = SM2(gateway public key, HMAC key)
//! - `ciphertextBlobHash` = HMAC-SM3(HMAC key, the base64 TEXT of `ciphertextBlob`)
//! - `encryptedBodyHash`  = HMAC-SM3(HMAC key, the base64 TEXT of `encryptedBody`)
//!
//! Response: when `statusCode` is 0 the gateway answers
//! `{encryptedResult, encryptedResultHash}`, SM4 under the request's SM4 key and
//! HMAC-SM3 under the request's HMAC key over the base64 text; a non-zero status
//! comes back in plain text.
//!
//! Memory: the body is encrypted and base64-encoded chunk by chunk straight into
//! the output JSON, and decoded/decrypted into a single buffer, so sealing a body
//! of N bytes allocates about 1.34·N and opening about 0.75·N (plus the input).

use super::hmac_sm3;
use super::sm2::{Mode, PublicKey, SecretKey};
use super::sm4::{self, Sm4Key};
use crate::{Error, Result, SecretBytes};
use base64::Engine as _;
use serde::Deserialize;
use std::borrow::Cow;

/// JSON field names of the sealed request body, in the manual's order.
pub const CIPHERTEXT_BLOB: &str = "ciphertextBlob";
pub const ENCRYPTED_BODY: &str = "encryptedBody";
pub const ENCRYPTED_HASH_KEY: &str = "encryptedHashKey";
pub const CIPHERTEXT_BLOB_HASH: &str = "ciphertextBlobHash";
pub const ENCRYPTED_BODY_HASH: &str = "encryptedBodyHash";
/// JSON field names of the sealed response body.
pub const ENCRYPTED_RESULT: &str = "encryptedResult";
pub const ENCRYPTED_RESULT_HASH: &str = "encryptedResultHash";
/// The request header that turns the envelope on, and its value.
pub const HEADER_NAME: &str = "decrypted";
pub const HEADER_VALUE: &str = "true";
/// HMAC key length the manual's reference code uses (`generateRandomKey(16)`).
pub const HMAC_KEY_LEN: usize = 16;

/// Documented gateway error codes (manual 002 §6.2.4, 2.7), carried as the
/// provider code of the errors [`open_request`] returns.
pub const CODE_BAD_FORMAT: &str = "AI_OP_40017";
pub const CODE_HASH_MISMATCH: &str = "AI_OP_40018";
pub const CODE_SM2_FAILED: &str = "AI_OP_40019";
pub const CODE_SM4_FAILED: &str = "AI_OP_40020";

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// The per-request secrets: the SM4 key and the HMAC-SM3 key. Both are wiped on
/// drop and redacted in `Debug`. Keep them from `seal` until the response is opened.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionKeys {
    sm4: Sm4Key,
    hmac: SecretBytes,
}

impl SessionKeys {
    /// Fresh keys from the OS random source (16-byte SM4 key, 16-byte HMAC key).
    pub fn generate() -> Result<Self> {
        // Wiped from the start: an RNG failure here or in `Sm4Key::generate` drops it.
        let mut hmac = zeroize::Zeroizing::new(vec![0u8; HMAC_KEY_LEN]);
        getrandom::fill(&mut hmac)
            .map_err(|_| Error::crypto("HMAC key generation: OS random source unavailable"))?;
        let sm4 = Sm4Key::generate()?;
        Ok(SessionKeys {
            sm4,
            // Moves the heap buffer into the wiped owner; nothing is copied.
            hmac: SecretBytes::new(std::mem::take(&mut *hmac)),
        })
    }

    /// Keys from known parts (tests, vectors, the gateway side). The HMAC key
    /// must not be empty.
    pub fn from_parts(sm4: Sm4Key, hmac_key: SecretBytes) -> Result<Self> {
        if hmac_key.expose().is_empty() {
            return Err(Error::crypto("HMAC-SM3 key must not be empty"));
        }
        Ok(SessionKeys {
            sm4,
            hmac: hmac_key,
        })
    }

    /// The SM4 key.
    pub fn sm4_key(&self) -> &Sm4Key {
        &self.sm4
    }

    /// The HMAC-SM3 key bytes. Callers must not log them.
    pub fn hmac_key(&self) -> &[u8] {
        self.hmac.expose()
    }
}

impl std::fmt::Debug for SessionKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::secret::REDACTED)
    }
}

fn push_field(out: &mut Vec<u8>, first: bool, name: &str) {
    if !first {
        out.push(b',');
    }
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":\"");
}

fn push_hmac_b64(out: &mut Vec<u8>, key: &[u8], range: std::ops::Range<usize>) {
    let tag = hmac_sm3::hmac_sm3(key, &out[range]);
    let text = B64.encode(tag);
    out.extend_from_slice(text.as_bytes());
}

/// Client side: seals `plain_json` (the operation's plain body, UTF-8 JSON) for the
/// gateway's `public_key`, with fresh session keys. Returns the five-field body
/// and the keys needed to [`open`] the response.
pub fn seal(
    plain_json: &[u8],
    public_key: &PublicKey,
    mode: Mode,
) -> Result<(Vec<u8>, SessionKeys)> {
    let keys = SessionKeys::generate()?;
    let body = seal_with_keys(plain_json, public_key, mode, &keys)?;
    Ok((body, keys))
}

/// [`seal`] with caller-supplied session keys (SM2 still uses a fresh random k).
pub fn seal_with_keys(
    plain_json: &[u8],
    public_key: &PublicKey,
    mode: Mode,
    keys: &SessionKeys,
) -> Result<Vec<u8>> {
    let blob = B64.encode(public_key.encrypt(keys.sm4.expose(), mode)?);
    let hash_key = B64.encode(public_key.encrypt(keys.hmac_key(), mode)?);
    let capacity =
        200 + blob.len() + hash_key.len() + 2 * 44 + sm4::base64_ciphertext_len(plain_json.len());
    let mut out = Vec::with_capacity(capacity);
    out.push(b'{');
    push_field(&mut out, true, CIPHERTEXT_BLOB);
    let blob_range = out.len()..out.len() + blob.len();
    out.extend_from_slice(blob.as_bytes());
    out.push(b'"');
    push_field(&mut out, false, ENCRYPTED_BODY);
    let body_start = out.len();
    sm4::encrypt_ecb_to_base64(&keys.sm4, plain_json, &mut out)?;
    let body_range = body_start..out.len();
    out.push(b'"');
    push_field(&mut out, false, ENCRYPTED_HASH_KEY);
    out.extend_from_slice(hash_key.as_bytes());
    out.push(b'"');
    push_field(&mut out, false, CIPHERTEXT_BLOB_HASH);
    push_hmac_b64(&mut out, keys.hmac_key(), blob_range);
    out.push(b'"');
    push_field(&mut out, false, ENCRYPTED_BODY_HASH);
    push_hmac_b64(&mut out, keys.hmac_key(), body_range);
    out.extend_from_slice(b"\"}");
    Ok(out)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SealedResponse<'a> {
    #[serde(borrow, default)]
    encrypted_result: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    encrypted_result_hash: Option<Cow<'a, str>>,
    #[serde(default)]
    status_code: Option<serde_json::Value>,
    #[serde(default)]
    code: Option<serde_json::Value>,
}

/// `Some(true)` for a status of 0 / "0", `Some(false)` for any other number or
/// string, `None` when absent or of another JSON type.
fn status_is_zero(value: &serde_json::Value) -> Option<bool> {
    match value {
        serde_json::Value::Number(n) => Some(n.as_f64() == Some(0.0)),
        serde_json::Value::String(s) => Some(s.trim() == "0"),
        _ => None,
    }
}

fn decode_tag(text: &str) -> Option<Vec<u8>> {
    B64.decode(text.as_bytes()).ok()
}

/// Client side: opens the gateway's answer to a sealed request.
///
/// - `{encryptedResult, encryptedResultHash}`: verifies the hash (HMAC-SM3 over the
///   base64 text, constant-time compare) and returns the decrypted plain JSON.
/// - a plain body whose `statusCode` (or `code`) is non-zero: returned unchanged.
/// - anything else (not JSON, one field without the other, non-base64, wrong hash,
///   bad padding, or a plain body claiming success): [`crate::ErrorKind::Crypto`].
pub fn open(response_body: &[u8], keys: &SessionKeys) -> Result<Vec<u8>> {
    let parsed: SealedResponse<'_> = serde_json::from_slice(response_body).map_err(|_| {
        Error::crypto("encrypted response: not a JSON object of the expected shape")
    })?;
    match (&parsed.encrypted_result, &parsed.encrypted_result_hash) {
        (Some(result), Some(hash)) => {
            let tag = decode_tag(hash)
                .ok_or_else(|| Error::crypto("encryptedResultHash: invalid base64"))?;
            hmac_sm3::verify(keys.hmac_key(), result.as_bytes(), &tag)
                .map_err(|_| Error::crypto("encryptedResultHash does not match encryptedResult"))?;
            sm4::decrypt_ecb_from_base64(&keys.sm4, result.as_bytes())
        }
        (None, None) => {
            let status = parsed.status_code.as_ref().or(parsed.code.as_ref());
            match status.and_then(status_is_zero) {
                Some(false) => Ok(response_body.to_vec()),
                _ => Err(Error::crypto(
                    "encrypted request got a plain response without a non-zero status",
                )),
            }
        }
        _ => Err(Error::crypto(
            "encrypted response: encryptedResult and encryptedResultHash must come together",
        )),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SealedRequest<'a> {
    #[serde(borrow)]
    ciphertext_blob: Cow<'a, str>,
    #[serde(borrow)]
    encrypted_body: Cow<'a, str>,
    #[serde(borrow)]
    encrypted_hash_key: Cow<'a, str>,
    #[serde(borrow)]
    ciphertext_blob_hash: Cow<'a, str>,
    #[serde(borrow)]
    encrypted_body_hash: Cow<'a, str>,
}

fn gateway_error(code: &str, message: &str) -> Error {
    Error::crypto(message).with_provider_code(code)
}

/// Gateway side (the emulator): opens a sealed request with the gateway's SM2
/// private key, ciphertexts in [`Mode::C1C3C2`] as the CTyun gateway expects.
/// Returns the plain JSON body and the session keys to [`seal_response`] with.
///
/// Errors are [`crate::ErrorKind::Crypto`] carrying the documented provider code:
/// `AI_OP_40017` bad format, `AI_OP_40018` hash mismatch, `AI_OP_40019` SM2
/// failure, `AI_OP_40020` SM4 failure.
pub fn open_request(sealed_body: &[u8], secret_key: &SecretKey) -> Result<(Vec<u8>, SessionKeys)> {
    open_request_with_mode(sealed_body, secret_key, Mode::C1C3C2)
}

/// [`open_request`] for SM2 ciphertexts laid out in `mode`.
pub fn open_request_with_mode(
    sealed_body: &[u8],
    secret_key: &SecretKey,
    mode: Mode,
) -> Result<(Vec<u8>, SessionKeys)> {
    let req: SealedRequest<'_> = serde_json::from_slice(sealed_body).map_err(|_| {
        gateway_error(
            CODE_BAD_FORMAT,
            "sealed request: not the five-field JSON object",
        )
    })?;
    let sm2_field = |text: &str, name: &str| -> Result<SecretBytes> {
        let ct = B64
            .decode(text.as_bytes())
            .map_err(|_| gateway_error(CODE_BAD_FORMAT, &format!("{name}: invalid base64")))?;
        secret_key
            .decrypt(&ct, mode)
            .map(SecretBytes::new)
            .map_err(|_| gateway_error(CODE_SM2_FAILED, &format!("{name}: SM2 decryption failed")))
    };
    let hmac_key = sm2_field(&req.encrypted_hash_key, ENCRYPTED_HASH_KEY)?;
    for (text, hash, name) in [
        (
            &req.ciphertext_blob,
            &req.ciphertext_blob_hash,
            CIPHERTEXT_BLOB_HASH,
        ),
        (
            &req.encrypted_body,
            &req.encrypted_body_hash,
            ENCRYPTED_BODY_HASH,
        ),
    ] {
        let tag = decode_tag(hash)
            .ok_or_else(|| gateway_error(CODE_BAD_FORMAT, &format!("{name}: invalid base64")))?;
        hmac_sm3::verify(hmac_key.expose(), text.as_bytes(), &tag)
            .map_err(|_| gateway_error(CODE_HASH_MISMATCH, &format!("{name} does not match")))?;
    }
    let sm4_bytes = sm2_field(&req.ciphertext_blob, CIPHERTEXT_BLOB)?;
    let sm4_key = Sm4Key::from_bytes(sm4_bytes.expose())
        .map_err(|e| gateway_error(CODE_SM4_FAILED, e.message()))?;
    let keys = SessionKeys::from_parts(sm4_key, hmac_key)
        .map_err(|e| gateway_error(CODE_BAD_FORMAT, e.message()))?;
    let plain = sm4::decrypt_ecb_from_base64(&keys.sm4, req.encrypted_body.as_bytes())
        .map_err(|e| gateway_error(CODE_SM4_FAILED, e.message()))?;
    Ok((plain, keys))
}

/// Gateway side: seals a successful (`statusCode` 0) plain result JSON as
/// `{"encryptedResult":…,"encryptedResultHash":…}` under the request's keys.
pub fn seal_response(plain_result_json: &[u8], keys: &SessionKeys) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(100 + sm4::base64_ciphertext_len(plain_result_json.len()));
    out.push(b'{');
    push_field(&mut out, true, ENCRYPTED_RESULT);
    let start = out.len();
    sm4::encrypt_ecb_to_base64(&keys.sm4, plain_result_json, &mut out)?;
    let range = start..out.len();
    out.push(b'"');
    push_field(&mut out, false, ENCRYPTED_RESULT_HASH);
    push_hmac_b64(&mut out, keys.hmac_key(), range);
    out.extend_from_slice(b"\"}");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_both_modes_and_redacted_debug() {
        let gateway = SecretKey::generate().unwrap();
        for mode in [Mode::C1C3C2, Mode::C1C2C3] {
            let plain = br#"{"Action":"DetectFace","ImageData":"aGVsbG8="}"#;
            let (sealed, keys) = seal(plain, &gateway.public_key(), mode).unwrap();
            let (opened, server_keys) = open_request_with_mode(&sealed, &gateway, mode).unwrap();
            assert_eq!(opened, plain);
            assert!(server_keys == keys);
            let answer = seal_response(br#"{"statusCode":0}"#, &server_keys).unwrap();
            assert_eq!(open(&answer, &keys).unwrap(), br#"{"statusCode":0}"#);
            assert_eq!(format!("{keys:?}"), crate::secret::REDACTED);
        }
    }

    #[test]
    fn wrong_gateway_key_is_sm2_failure() {
        let gateway = SecretKey::generate().unwrap();
        let other = SecretKey::generate().unwrap();
        let (sealed, _) = seal(b"{}", &gateway.public_key(), Mode::C1C3C2).unwrap();
        let err = open_request(&sealed, &other).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Crypto);
        assert_eq!(err.provider_code(), Some(CODE_SM2_FAILED));
    }

    #[test]
    fn sm4_key_length_is_named() {
        let err = Sm4Key::from_bytes(&[0u8; 32]).unwrap_err();
        assert!(err.message().contains("got 32 bytes"), "{}", err.message());
    }
}
