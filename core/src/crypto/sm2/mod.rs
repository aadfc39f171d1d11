//! SM2 public-key encryption on the recommended curve sm2p256v1 (GB/T 32918.4).
//!
//! Ciphertexts are `04 || C1.x || C1.y || C3 || C2` ([`Mode::C1C3C2`], the default and
//! what the CTyun gateway expects) or `04 || C1 || C2 || C3` ([`Mode::C1C2C3`], what
//! BouncyCastle's plain `Cipher.getInstance("SM2")` emits). The arithmetic, KDF and
//! C3 check are the `sm2` crate's (`pke` feature); this module adds key parsing in
//! every form the providers' consoles and Java code produce, and maps errors.
//!
//! SM2 cannot encrypt an empty message (the KDF output would be empty and the
//! "t is all zero" rule could never be satisfied); [`PublicKey::encrypt`] rejects it.

// Test-only: fixed-k encryption reproduces the GB/T 32918.5 annex ciphertext; it is
// not public API (reusing k reveals the plaintext).
#[cfg(test)]
mod fixed_k;
mod public_key;
mod secret_key;
mod spki;

pub use public_key::PublicKey;
pub use secret_key::SecretKey;

/// Byte layout of an SM2 ciphertext after the `04 || x || y` point C1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// `C1 || C3 || C2`: GB/T 32918.4-2016 and the CTyun gateway. The default.
    #[default]
    C1C3C2,
    /// `C1 || C2 || C3`: the 2010 draft layout, BouncyCastle's `Cipher("SM2")` default.
    C1C2C3,
}

impl Mode {
    pub(crate) fn to_crate(self) -> sm2::pke::Mode {
        match self {
            Mode::C1C3C2 => sm2::pke::Mode::C1C3C2,
            Mode::C1C2C3 => sm2::pke::Mode::C1C2C3,
        }
    }

    /// Stable lower-case name: `"c1c3c2"` or `"c1c2c3"`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::C1C3C2 => "c1c3c2",
            Mode::C1C2C3 => "c1c2c3",
        }
    }

    /// The mode for a name as [`Mode::name`] writes it (case-insensitive).
    pub fn from_name(name: &str) -> Option<Mode> {
        match name.to_ascii_lowercase().as_str() {
            "c1c3c2" => Some(Mode::C1C3C2),
            "c1c2c3" => Some(Mode::C1C2C3),
            _ => None,
        }
    }
}

/// Length in bytes of the fixed part of a ciphertext: `04`, C1 (64), C3 (32).
pub const CIPHERTEXT_OVERHEAD: usize = 1 + 64 + 32;

/// Encrypts `msg` for `public_key` (same as [`PublicKey::encrypt`]).
pub fn encrypt(public_key: &PublicKey, msg: &[u8], mode: Mode) -> crate::Result<Vec<u8>> {
    public_key.encrypt(msg, mode)
}

/// Decrypts `ciphertext` with `secret_key` (same as [`SecretKey::decrypt`]).
pub fn decrypt(secret_key: &SecretKey, ciphertext: &[u8], mode: Mode) -> crate::Result<Vec<u8>> {
    secret_key.decrypt(ciphertext, mode)
}
