//! SM2 public keys: parsing every form the providers hand out, and encryption.

use super::{spki, Mode};
use crate::{Error, Result};
use base64::Engine as _;
use sm2::elliptic_curve::common::getrandom::SysRng;
use sm2::pkcs8::EncodePublicKey as _;

/// An SM2 public key (a point on sm2p256v1 other than the identity).
///
/// Cheap to copy around (`Clone`); not secret, so `Debug` shows the SEC1 hex.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey(pub(crate) sm2::PublicKey);

impl PublicKey {
    /// Parses a key given as text, detecting the form:
    /// PEM (`-----BEGIN PUBLIC KEY-----`); hex of `04||X||Y` (130 digits) or `X||Y`
    /// (128 digits); base64 of an X.509 SubjectPublicKeyInfo DER (named-curve or
    /// explicit-parameters form, as the CTyun console shows it), of `04||X||Y` or of
    /// `X||Y`. Surrounding whitespace and line breaks inside base64 are ignored.
    ///
    /// Errors: [`crate::ErrorKind::Configuration`] naming the form that failed; the
    /// key text itself is not repeated in the message.
    pub fn parse(text: &str) -> Result<Self> {
        let text = text.trim();
        if text.starts_with("-----BEGIN") {
            return Self::from_pem(text);
        }
        let is_hex = !text.is_empty() && text.bytes().all(|b| b.is_ascii_hexdigit());
        if is_hex && (text.len() == 130 || text.len() == 128) {
            return Self::from_hex(text);
        }
        let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(compact.as_bytes())
            .map_err(|_| {
                Error::config(
                    "SM2 public key: not PEM, not 128/130 hex digits and not valid base64",
                )
            })?;
        match bytes.first() {
            Some(0x30) => Self::from_spki_der(&bytes),
            _ => Self::from_sec1_bytes(&bytes),
        }
    }

    /// From X.509 SubjectPublicKeyInfo DER: the named-curve form (OID sm2p256v1, 91
    /// bytes) or the explicit-parameters form BouncyCastle emits for an unnamed
    /// `ECParameterSpec` (~311 bytes), whose parameters must equal sm2p256v1's.
    pub fn from_spki_der(der: &[u8]) -> Result<Self> {
        let point = spki::point_from_spki(der)?;
        Self::from_sec1_bytes(point)
    }

    /// From base64 (standard alphabet, padded) of SubjectPublicKeyInfo DER.
    pub fn from_spki_base64(text: &str) -> Result<Self> {
        let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(compact.as_bytes())
            .map_err(|_| {
                Error::config("SM2 public key: SubjectPublicKeyInfo is not valid base64")
            })?;
        Self::from_spki_der(&der)
    }

    /// From a PEM `PUBLIC KEY` block (either SubjectPublicKeyInfo form).
    ///
    /// Parsed by hand, leniently: `pem-rfc7468` (via `der`) insists on 64-column
    /// lines, but Java tooling and consoles wrap at 76 columns or not at all.
    pub fn from_pem(pem: &str) -> Result<Self> {
        const BEGIN: &str = "-----BEGIN PUBLIC KEY-----";
        const END: &str = "-----END PUBLIC KEY-----";
        let pem = pem.trim();
        let body = pem
            .strip_prefix(BEGIN)
            .and_then(|rest| rest.strip_suffix(END))
            .ok_or_else(|| Error::config("SM2 public key: PEM must be one PUBLIC KEY block"))?;
        Self::from_spki_base64(body)
    }

    /// From the raw point: `04||X||Y` (65 bytes), compressed `02/03||X` (33 bytes) or
    /// `X||Y` without the prefix (64 bytes). The point must lie on the curve.
    pub fn from_sec1_bytes(bytes: &[u8]) -> Result<Self> {
        let parsed = if bytes.len() == 64 {
            let mut with_tag = [0u8; 65];
            with_tag[0] = 0x04;
            with_tag[1..].copy_from_slice(bytes);
            sm2::PublicKey::from_sec1_bytes(&with_tag)
        } else {
            sm2::PublicKey::from_sec1_bytes(bytes)
        };
        parsed
            .map(PublicKey)
            .map_err(|_| Error::config("SM2 public key: not a point on sm2p256v1"))
    }

    /// From hex (either case) of `04||X||Y` or `X||Y`.
    pub fn from_hex(text: &str) -> Result<Self> {
        let bytes =
            hex::decode(text.trim()).map_err(|_| Error::config("SM2 public key: invalid hex"))?;
        Self::from_sec1_bytes(&bytes)
    }

    /// The uncompressed point `04||X||Y` (65 bytes).
    pub fn to_sec1_uncompressed(&self) -> Vec<u8> {
        use sm2::elliptic_curve::sec1::ToSec1Point as _;
        self.0.to_sec1_point(false).as_bytes().to_vec()
    }

    /// SubjectPublicKeyInfo DER, named-curve form (91 bytes).
    pub fn to_spki_der(&self) -> Result<Vec<u8>> {
        self.0
            .to_public_key_der()
            .map(|doc| doc.as_bytes().to_vec())
            .map_err(|_| Error::internal("SM2 public key: SubjectPublicKeyInfo encoding failed"))
    }

    /// Base64 of [`PublicKey::to_spki_der`]: the form the CTyun console shows.
    pub fn to_spki_base64(&self) -> Result<String> {
        Ok(base64::engine::general_purpose::STANDARD.encode(self.to_spki_der()?))
    }

    /// Encrypts `msg` (1 byte or more) with a fresh random k from the OS source.
    /// Output: `04 || C1 || ...` in `mode`, `msg.len() + 97` bytes.
    pub fn encrypt(&self, msg: &[u8], mode: Mode) -> Result<Vec<u8>> {
        if msg.is_empty() {
            return Err(Error::invalid_input("sm2 plaintext", "must not be empty"));
        }
        sm2::pke::EncryptingKey::new_with_mode(self.0, mode.to_crate())
            .encrypt(&mut SysRng, msg)
            .map_err(|_| Error::crypto("SM2 encryption failed (random source unavailable?)"))
    }
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("PublicKey")
            .field(&hex::encode(self.to_sec1_uncompressed()))
            .finish()
    }
}
