//! SM2 private keys: for the emulator's gateway side and for tests.

use super::{Mode, PublicKey};
use crate::{Error, Result, SecretBytes};
use sm2::elliptic_curve::common::getrandom::SysRng;
use sm2::elliptic_curve::Generate as _;
use sm2::pkcs8::{DecodePrivateKey as _, EncodePrivateKey as _};

/// An SM2 private key. Wiped on drop (the `sm2` crate zeroizes its scalar);
/// `Debug` prints only the public half.
#[derive(Clone)]
pub struct SecretKey(sm2::SecretKey);

impl SecretKey {
    /// A fresh key from the OS random source.
    pub fn generate() -> Result<Self> {
        sm2::SecretKey::try_generate_from_rng(&mut SysRng)
            .map(SecretKey)
            .map_err(|_| Error::crypto("SM2 key generation: OS random source unavailable"))
    }

    /// From the 32-byte big-endian scalar d (1 ≤ d < n).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        if bytes.len() != 32 {
            return Err(Error::config(format!(
                "SM2 private key: must be 32 bytes, got {}",
                bytes.len()
            )));
        }
        sm2::SecretKey::from_slice(bytes)
            .map(SecretKey)
            .map_err(|_| Error::config("SM2 private key: scalar out of range"))
    }

    /// From 64 hex digits of d.
    pub fn from_hex(text: &str) -> Result<Self> {
        let bytes = zeroize::Zeroizing::new(
            hex::decode(text.trim()).map_err(|_| Error::config("SM2 private key: invalid hex"))?,
        );
        Self::from_bytes(&bytes)
    }

    /// From PKCS#8 `PrivateKeyInfo` DER (named curve sm2p256v1), as Java's
    /// `PrivateKey.getEncoded()` produces it.
    pub fn from_pkcs8_der(der: &[u8]) -> Result<Self> {
        sm2::SecretKey::from_pkcs8_der(der)
            .map(SecretKey)
            .map_err(|_| Error::config("SM2 private key: not a PKCS#8 sm2p256v1 key"))
    }

    /// From a PEM `PRIVATE KEY` block.
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self> {
        sm2::SecretKey::from_pkcs8_pem(pem.trim())
            .map(SecretKey)
            .map_err(|_| Error::config("SM2 private key: not a PKCS#8 PEM sm2p256v1 key"))
    }

    /// The 32-byte scalar d, wiped when dropped.
    pub fn to_bytes(&self) -> SecretBytes {
        let mut d = self.0.to_bytes();
        let out = SecretBytes::new(d.to_vec());
        zeroize::Zeroize::zeroize(d.as_mut_slice());
        out
    }

    /// PKCS#8 `PrivateKeyInfo` DER, wiped when dropped.
    pub fn to_pkcs8_der(&self) -> Result<SecretBytes> {
        self.0
            .to_pkcs8_der()
            .map(|doc| SecretBytes::new(doc.as_bytes().to_vec()))
            .map_err(|_| Error::internal("SM2 private key: PKCS#8 encoding failed"))
    }

    /// The matching public key.
    pub fn public_key(&self) -> PublicKey {
        PublicKey(self.0.public_key())
    }

    /// Decrypts `04 || C1 || ...` laid out in `mode`; verifies C3.
    /// Errors: [`crate::ErrorKind::Crypto`] for any malformed or tampered input.
    pub fn decrypt(&self, ciphertext: &[u8], mode: Mode) -> Result<Vec<u8>> {
        if ciphertext.first() != Some(&0x04) || ciphertext.len() < super::CIPHERTEXT_OVERHEAD {
            return Err(Error::crypto(
                "SM2 ciphertext: must start with 04 and hold C1 (64 bytes) and C3 (32 bytes)",
            ));
        }
        sm2::pke::DecryptingKey::new_with_mode(self.0.to_nonzero_scalar(), mode.to_crate())
            .decrypt(ciphertext)
            .map_err(|_| Error::crypto("SM2 decryption failed (wrong key, mode or tampered data)"))
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretKey")
            .field("d", &crate::secret::REDACTED)
            .field("public", &self.public_key())
            .finish()
    }
}
