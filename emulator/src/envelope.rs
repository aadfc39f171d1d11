//! The server side of the CTyun `decrypted: true` envelope (manual 002 §6.2.4, INDEX.md).
//!
//! Request `{ciphertextBlob, encryptedBody, encryptedHashKey, ciphertextBlobHash,
//! encryptedBodyHash}`: SM2 (C1C3C2, `04`-prefixed) under the emulator's key wraps the
//! SM4 key and the HMAC-SM3 key; SM4-ECB/PKCS#7 wraps the body; the hashes are
//! base64 HMAC-SM3 over the base64 TEXT of the two fields. The answer to a success is
//! `{encryptedResult, encryptedResultHash}` under the same keys.
//!
//! Written here rather than calling the client's crypto so that the two sides are
//! independent implementations of the manual.

use crate::codes::EnvelopeFailure;
use crate::verify::mac::{hmac_sm3, same};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde_json::{json, Value};
use sm2::pke::{DecryptingKey, Mode};
use sm4::cipher::{Array, BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};

/// Session keys recovered from a request; used to seal the answer.
pub struct Session {
    sm4_key: Vec<u8>,
    hash_key: Vec<u8>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Session(** REDACTED **)")
    }
}

/// The emulator's SM2 key.
pub struct ServerKey {
    key: DecryptingKey,
}

impl std::fmt::Debug for ServerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServerKey(** REDACTED **)")
    }
}

impl ServerKey {
    /// From the private scalar in hex.
    pub fn from_hex(private_hex: &str) -> Result<ServerKey, String> {
        let bytes =
            hex::decode(private_hex).map_err(|_| "SM2 private key is not hex".to_string())?;
        let secret = sm2::SecretKey::from_slice(&bytes)
            .map_err(|_| "SM2 private key is not a valid scalar".to_string())?;
        Ok(ServerKey {
            key: DecryptingKey::new_with_mode(secret.to_nonzero_scalar(), Mode::C1C3C2),
        })
    }

    /// Base64 of the public key's X.509 SubjectPublicKeyInfo DER.
    pub fn public_spki_b64(&self) -> String {
        use sm2::pkcs8::EncodePublicKey;
        let affine = *self.key.encrypting_key().as_affine();
        sm2::PublicKey::from_affine(affine)
            .ok()
            .and_then(|pk| pk.to_public_key_der().ok())
            .map(|der| B64.encode(der.as_bytes()))
            .unwrap_or_default()
    }

    fn decrypt(&self, b64: &str) -> Result<Vec<u8>, EnvelopeFailure> {
        let ct = B64.decode(b64).map_err(|_| EnvelopeFailure::Shape)?;
        // Accept C1 with or without the `04` point-format byte (INDEX.md: gmssl omits it).
        let ct = if ct.first() == Some(&0x04) {
            ct
        } else {
            [&[0x04u8][..], &ct].concat()
        };
        self.key.decrypt(&ct).map_err(|_| EnvelopeFailure::Sm2)
    }
}

/// Opens a sealed request body; returns the inner plain body and the session keys.
pub fn open(body: &[u8], key: &ServerKey) -> Result<(Vec<u8>, Session), EnvelopeFailure> {
    let v: Value = serde_json::from_slice(body).map_err(|_| EnvelopeFailure::Shape)?;
    let field = |name: &str| {
        v.get(name)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .ok_or(EnvelopeFailure::Shape)
    };
    let blob = field("ciphertextBlob")?;
    let enc_body = field("encryptedBody")?;
    let enc_hash_key = field("encryptedHashKey")?;
    let blob_hash = field("ciphertextBlobHash")?;
    let body_hash = field("encryptedBodyHash")?;

    let hash_key = key.decrypt(enc_hash_key)?;
    let mac_ok = |text: &str, expected: &str| {
        let mac = B64.encode(hmac_sm3(&hash_key, text.as_bytes()));
        same(mac.as_bytes(), expected.as_bytes())
    };
    if !mac_ok(blob, blob_hash) || !mac_ok(enc_body, body_hash) {
        return Err(EnvelopeFailure::Hash);
    }
    let sm4_key = key.decrypt(blob)?;
    let ct = B64.decode(enc_body).map_err(|_| EnvelopeFailure::Shape)?;
    let plain = sm4_ecb_decrypt(&sm4_key, &ct)?;
    Ok((plain, Session { sm4_key, hash_key }))
}

/// Seals a success answer.
pub fn seal(plain: &[u8], session: &Session) -> Result<Value, EnvelopeFailure> {
    let result = B64.encode(sm4_ecb_encrypt(&session.sm4_key, plain)?);
    let hash = B64.encode(hmac_sm3(&session.hash_key, result.as_bytes()));
    Ok(json!({"encryptedResult": result, "encryptedResultHash": hash}))
}

fn cipher(key: &[u8]) -> Result<sm4::Sm4, EnvelopeFailure> {
    sm4::Sm4::new_from_slice(key).map_err(|_| EnvelopeFailure::Sm4)
}

/// SM4-ECB with PKCS#7 padding. ECB is what the manual mandates.
fn sm4_ecb_encrypt(key: &[u8], plain: &[u8]) -> Result<Vec<u8>, EnvelopeFailure> {
    let c = cipher(key)?;
    let pad = 16 - plain.len() % 16;
    let mut data = plain.to_vec();
    data.extend(std::iter::repeat_n(pad as u8, pad));
    for chunk in data.chunks_exact_mut(16) {
        let block: &mut Array<u8, _> = chunk.try_into().map_err(|_| EnvelopeFailure::Sm4)?;
        c.encrypt_block(block);
    }
    Ok(data)
}

fn sm4_ecb_decrypt(key: &[u8], ct: &[u8]) -> Result<Vec<u8>, EnvelopeFailure> {
    if ct.is_empty() || ct.len() % 16 != 0 {
        return Err(EnvelopeFailure::Sm4);
    }
    let c = cipher(key)?;
    let mut data = ct.to_vec();
    for chunk in data.chunks_exact_mut(16) {
        let block: &mut Array<u8, _> = chunk.try_into().map_err(|_| EnvelopeFailure::Sm4)?;
        c.decrypt_block(block);
    }
    let pad = *data.last().ok_or(EnvelopeFailure::Sm4)? as usize;
    if pad == 0 || pad > 16 || !data[data.len() - pad..].iter().all(|&b| b as usize == pad) {
        return Err(EnvelopeFailure::Sm4);
    }
    data.truncate(data.len() - pad);
    Ok(data)
}

/// Flips one byte inside a base64 text value (fault injection): the text stays valid
/// base64 but decodes to different bytes.
pub fn tamper(text: &str) -> String {
    let mut bytes = B64
        .decode(text)
        .unwrap_or_else(|_| text.as_bytes().to_vec());
    if let Some(b) = bytes.first_mut() {
        *b ^= 0x01;
    }
    B64.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sm4_ecb_round_trip_and_padding() {
        let key = [7u8; 16];
        for len in [0usize, 1, 15, 16, 17, 100] {
            let plain: Vec<u8> = (0..len as u8).collect();
            let ct = sm4_ecb_encrypt(&key, &plain).unwrap();
            assert_eq!(ct.len(), (len / 16 + 1) * 16);
            assert_eq!(sm4_ecb_decrypt(&key, &ct).unwrap(), plain);
        }
        assert_eq!(
            sm4_ecb_decrypt(&key, &[0u8; 15]).unwrap_err(),
            EnvelopeFailure::Sm4
        );
    }

    #[test]
    fn sm4_standard_vector() {
        // GB/T 32907-2016 Appendix A example 1.
        let key = hex::decode("0123456789abcdeffedcba9876543210").unwrap();
        let ct = sm4_ecb_encrypt(&key, &key).unwrap();
        assert_eq!(hex::encode(&ct[..16]), "681edf34d206965e86b3e94f536e4246");
    }

    #[test]
    fn public_key_constant_matches_private_key() {
        let key = ServerKey::from_hex(crate::config::SM2_PRIVATE_KEY_HEX).unwrap();
        assert_eq!(
            key.public_spki_b64(),
            crate::config::SM2_PUBLIC_KEY_SPKI_B64
        );
    }
}
