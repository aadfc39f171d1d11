//! SM4-ECB with PKCS#7 padding (BouncyCastle's `SM4/ECB/PKCS5Padding`), 128-bit keys.
//!
//! The block cipher is the `sm4` crate's. ECB is a plain loop over 16-byte blocks:
//! the RustCrypto `ecb` crate has no release for the `cipher` 0.5 generation the
//! workspace pins, and a loop lets the envelope encrypt and base64-encode a large
//! body chunk by chunk without a second full-size buffer.

use crate::{Error, Result};
use sm4::cipher::{Block, BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};
use zeroize::Zeroizing;

/// SM4 block and key size in bytes.
pub const BLOCK: usize = 16;

/// A 128-bit SM4 key. Wiped on drop; `Debug` is redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct Sm4Key(Zeroizing<[u8; BLOCK]>);

impl Sm4Key {
    /// A fresh key from the OS random source.
    pub fn generate() -> Result<Self> {
        let mut key = Zeroizing::new([0u8; BLOCK]);
        getrandom::fill(key.as_mut())
            .map_err(|_| Error::crypto("SM4 key generation: OS random source unavailable"))?;
        Ok(Sm4Key(key))
    }

    /// From exactly 16 bytes. SM4 has no 256-bit variant (manual 002 mentions one;
    /// it cannot exist), so any other length is an error naming the length.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let array: [u8; BLOCK] = bytes.try_into().map_err(|_| {
            Error::crypto(format!(
                "SM4 key must be 16 bytes (128 bits), got {} bytes",
                bytes.len()
            ))
        })?;
        Ok(Sm4Key(Zeroizing::new(array)))
    }

    /// The key bytes. Callers must not log them.
    pub fn expose(&self) -> &[u8; BLOCK] {
        &self.0
    }

    /// The keyed cipher. Built from a reference to the wiped key (no stack copy);
    /// the `sm4` crate's `zeroize` feature wipes the round keys when it drops.
    pub(crate) fn cipher(&self) -> sm4::Sm4 {
        let key: &[u8; BLOCK] = &self.0;
        sm4::Sm4::new(key.into())
    }
}

impl std::fmt::Debug for Sm4Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::secret::REDACTED)
    }
}

/// Length of the ciphertext for `plain_len` bytes: always 1..=16 bytes of padding.
pub fn padded_len(plain_len: usize) -> usize {
    (plain_len / BLOCK + 1) * BLOCK
}

/// Views a 16-byte chunk as a cipher block. Callers pass `chunks_exact_mut(16)`
/// items or `[u8; 16]`, so the conversion cannot fail.
fn as_block(chunk: &mut [u8]) -> &mut Block<sm4::Sm4> {
    chunk.try_into().expect("chunk is exactly one block")
}

/// Encrypts whole blocks in place. `buf.len()` must be a multiple of 16.
pub(crate) fn encrypt_blocks_in_place(cipher: &sm4::Sm4, buf: &mut [u8]) {
    for block in buf.chunks_exact_mut(BLOCK) {
        cipher.encrypt_block(as_block(block));
    }
}

/// Decrypts whole blocks in place. `buf.len()` must be a multiple of 16.
pub(crate) fn decrypt_blocks_in_place(cipher: &sm4::Sm4, buf: &mut [u8]) {
    for block in buf.chunks_exact_mut(BLOCK) {
        cipher.decrypt_block(as_block(block));
    }
}

/// Appends the PKCS#7 padding for a message of `plain_len` bytes to `buf`.
pub(crate) fn push_padding(buf: &mut Vec<u8>, plain_len: usize) {
    let pad = BLOCK - plain_len % BLOCK;
    buf.extend(std::iter::repeat_n(pad as u8, pad));
}

/// Checks and removes PKCS#7 padding from decrypted data.
pub(crate) fn strip_padding(buf: &mut Vec<u8>) -> Result<()> {
    let bad =
        || Error::crypto("SM4 decryption: invalid PKCS#7 padding (wrong key or tampered data)");
    let pad = *buf.last().ok_or_else(bad)? as usize;
    if pad == 0 || pad > BLOCK || pad > buf.len() {
        return Err(bad());
    }
    if !buf[buf.len() - pad..].iter().all(|&b| b as usize == pad) {
        return Err(bad());
    }
    buf.truncate(buf.len() - pad);
    Ok(())
}

/// SM4-ECB-PKCS#7 encryption of `plain`. Output is [`padded_len`]`(plain.len())` bytes.
pub fn encrypt_ecb(key: &Sm4Key, plain: &[u8]) -> Vec<u8> {
    let mut buf = Vec::with_capacity(padded_len(plain.len()));
    buf.extend_from_slice(plain);
    push_padding(&mut buf, plain.len());
    encrypt_blocks_in_place(&key.cipher(), &mut buf);
    buf
}

/// SM4-ECB-PKCS#7 decryption. Errors ([`crate::ErrorKind::Crypto`]) when the length
/// is not a positive multiple of 16 or the padding is invalid.
pub fn decrypt_ecb(key: &Sm4Key, ciphertext: &[u8]) -> Result<Vec<u8>> {
    if ciphertext.is_empty() || ciphertext.len() % BLOCK != 0 {
        return Err(Error::crypto(format!(
            "SM4 ciphertext length {} is not a positive multiple of 16",
            ciphertext.len()
        )));
    }
    let mut buf = ciphertext.to_vec();
    decrypt_blocks_in_place(&key.cipher(), &mut buf);
    strip_padding(&mut buf)?;
    Ok(buf)
}

/// Raw SM4 single-block encryption (no mode, no padding): for the GB/T 32907
/// vectors, including the 1,000,000-iteration one.
pub fn encrypt_block(key: &Sm4Key, block: &mut [u8; BLOCK]) {
    key.cipher().encrypt_block(as_block(block));
}

/// Raw SM4 single-block decryption (no mode, no padding).
pub fn decrypt_block(key: &Sm4Key, block: &mut [u8; BLOCK]) {
    key.cipher().decrypt_block(as_block(block));
}

/// Bytes of plaintext encrypted per step by [`encrypt_ecb_to_base64`]: a multiple of
/// 48 (= lcm of the 16-byte block and base64's 3-byte group), so chunks join
/// without base64 padding in the middle.
const STREAM_CHUNK: usize = 48 * 1024;

/// Length of the base64 text [`encrypt_ecb_to_base64`] appends for `plain_len` bytes.
pub fn base64_ciphertext_len(plain_len: usize) -> usize {
    padded_len(plain_len).div_ceil(3) * 4
}

/// SM4-ECB-PKCS#7 encrypts `plain` and appends the standard padded base64 of the
/// ciphertext to `out`, chunk by chunk: no full-size ciphertext buffer is made.
pub fn encrypt_ecb_to_base64(key: &Sm4Key, plain: &[u8], out: &mut Vec<u8>) -> Result<()> {
    use base64::Engine as _;
    let cipher = key.cipher();
    out.reserve(base64_ciphertext_len(plain.len()));
    let mut scratch = Zeroizing::new(Vec::with_capacity(STREAM_CHUNK + BLOCK));
    let mut rest = plain;
    loop {
        let take = rest.len().min(STREAM_CHUNK);
        let (head, tail) = rest.split_at(take);
        scratch.clear();
        scratch.extend_from_slice(head);
        let last = take < STREAM_CHUNK;
        if last {
            push_padding(&mut scratch, plain.len());
        }
        encrypt_blocks_in_place(&cipher, &mut scratch);
        let start = out.len();
        out.resize(start + scratch.len().div_ceil(3) * 4, 0);
        let written = base64::engine::general_purpose::STANDARD
            .encode_slice(scratch.as_slice(), &mut out[start..])
            .map_err(|_| Error::internal("base64 output size miscomputed"))?;
        out.truncate(start + written);
        if last {
            return Ok(());
        }
        rest = tail;
    }
}

/// Decodes standard padded base64 `text` and SM4-ECB-PKCS#7 decrypts it, in one
/// output buffer (decoded chunk by chunk, then decrypted in place).
/// Errors ([`crate::ErrorKind::Crypto`]): invalid base64, a length that is not a
/// positive multiple of 16, or bad padding.
pub fn decrypt_ecb_from_base64(key: &Sm4Key, text: &[u8]) -> Result<Vec<u8>> {
    use base64::Engine as _;
    if text.is_empty() || text.len() % 4 != 0 {
        return Err(Error::crypto(
            "SM4 ciphertext: base64 length is not a positive multiple of 4",
        ));
    }
    // 64 KiB of text decodes to 48 KiB: no '=' may appear before the last chunk.
    const TEXT_CHUNK: usize = 64 * 1024;
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for chunk in text.chunks(TEXT_CHUNK) {
        let start = out.len();
        out.resize(start + chunk.len() / 4 * 3, 0);
        let written = base64::engine::general_purpose::STANDARD
            .decode_slice(chunk, &mut out[start..])
            .map_err(|_| Error::crypto("SM4 ciphertext: invalid base64"))?;
        out.truncate(start + written);
    }
    if out.is_empty() || out.len() % BLOCK != 0 {
        return Err(Error::crypto(format!(
            "SM4 ciphertext length {} is not a positive multiple of 16",
            out.len()
        )));
    }
    decrypt_blocks_in_place(&key.cipher(), &mut out);
    strip_padding(&mut out)?;
    Ok(out)
}
