//! SM2 encryption with a caller-chosen k, for the GB/T 32918.5 annex test vector only.
//! Compiled for core's unit tests alone (`#[cfg(test)]` in the parent), so it is
//! not part of the public API and no binding can reach it.

use super::{Mode, PublicKey};
use crate::{Error, Result};
use sm2::elliptic_curve::rand_core::{TryCryptoRng, TryRng};

/// A "random" source that yields the 32 bytes of k once and then fails.
///
/// The `sm2` crate has no fixed-k API, but it draws k as 32 big-endian bytes from
/// the RNG it is given. Feeding it k this way runs the crate's own code path. If
/// the crate asks for a second draw (k ≥ n, or the KDF output was all zero) the
/// source fails and encryption returns an error instead of looping.
struct OneShot {
    k: Option<[u8; 32]>,
}

#[derive(Debug)]
struct Exhausted;

impl std::fmt::Display for Exhausted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("fixed k already used")
    }
}

impl std::error::Error for Exhausted {}

impl TryRng for OneShot {
    type Error = Exhausted;

    fn try_next_u32(&mut self) -> std::result::Result<u32, Exhausted> {
        Err(Exhausted)
    }

    fn try_next_u64(&mut self) -> std::result::Result<u64, Exhausted> {
        Err(Exhausted)
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> std::result::Result<(), Exhausted> {
        match self.k.take() {
            Some(k) if dst.len() == k.len() => {
                dst.copy_from_slice(&k);
                Ok(())
            }
            _ => Err(Exhausted),
        }
    }
}

impl TryCryptoRng for OneShot {}

/// Encrypts with the given ephemeral scalar `k` (32 bytes, big-endian, 1 ≤ k < n).
///
/// **Never use this for real traffic**: reusing k reveals the plaintext. It exists
/// so a test can reproduce the published GB/T 32918.5 annex ciphertext byte for
/// byte, which proves our layout, KDF and C3 against an independent source.
pub(crate) fn encrypt_with_fixed_k_for_annex_vector(
    public_key: &PublicKey,
    msg: &[u8],
    k: &[u8; 32],
    mode: Mode,
) -> Result<Vec<u8>> {
    if msg.is_empty() {
        return Err(Error::invalid_input("sm2 plaintext", "must not be empty"));
    }
    let mut rng = OneShot { k: Some(*k) };
    sm2::pke::EncryptingKey::new_with_mode(public_key.0, mode.to_crate())
        .encrypt(&mut rng, msg)
        .map_err(|_| Error::crypto("SM2 fixed-k encryption failed (k out of range?)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::sm2::SecretKey;

    /// Every `encrypt_fixed_k` case under tests/vectors/sm2 (found by listing the
    /// directory): the published annex ciphertext, reproduced byte for byte.
    #[test]
    fn annex_vectors_are_reproduced_byte_for_byte() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/sm2");
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let file = entry.unwrap().path().join("case.json");
            if !file.is_file() {
                continue;
            }
            let case: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
            if case["kind"] != "encrypt_fixed_k" {
                continue;
            }
            let text = |k: &str| case[k].as_str().unwrap();
            let mode = Mode::from_name(text("mode")).unwrap();
            let pk = PublicKey::parse(text("public_key")).unwrap();
            let sk = SecretKey::from_hex(text("private_key_hex")).unwrap();
            assert_eq!(sk.public_key(), pk, "{}", file.display());
            let k: [u8; 32] = hex::decode(text("k_hex")).unwrap().try_into().unwrap();
            let msg = hex::decode(text("msg_hex")).unwrap();
            let ct = encrypt_with_fixed_k_for_annex_vector(&pk, &msg, &k, mode).unwrap();
            assert_eq!(hex::encode(&ct), text("cipher_hex"), "{}", file.display());
            assert_eq!(sk.decrypt(&ct, mode).unwrap(), msg);
            checked += 1;
        }
        assert!(
            checked >= 2,
            "annex vectors missing under {}",
            dir.display()
        );
    }
}
