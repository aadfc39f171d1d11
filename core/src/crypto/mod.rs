//! SM2 / SM4 / HMAC-SM3 and the CTyun `decrypted: true` body envelope (manual 002 §6.2.4).

pub mod envelope;
pub mod hmac_sm3;
pub mod sm2;
pub mod sm4;
