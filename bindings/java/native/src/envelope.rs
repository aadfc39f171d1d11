//! The CTyun `decrypted: true` envelope (manual 002 §6.2.4) for callers with their
//! own HTTP client, plus the gateway side used by tests and emulators.
//!
//! Session keys cross to Java as two `byte[]` (16-byte SM4 key, HMAC-SM3 key) and
//! come back for [`open`](cnvision::crypto::envelope::open); Java owns and wipes them.

use crate::boundary::{run, BResult};
use crate::convert::{bytes, string};
use cnvision::crypto::envelope::{self, SessionKeys};
use cnvision::crypto::sm2::{Mode, PublicKey, SecretKey};
use cnvision::crypto::sm4::Sm4Key;
use cnvision::SecretBytes;
use jni::objects::{JByteArray, JClass, JObject, JString};
use jni::sys::jboolean;
use jni::{Env, EnvUnowned};

/// A `byte[][]` of the given parts.
fn byte_arrays<'local>(env: &mut Env<'local>, parts: &[&[u8]]) -> BResult<JObject<'local>> {
    let first = env.byte_array_from_slice(&[])?;
    let arr = jni::objects::JObjectArray::<JByteArray>::new(env, parts.len(), &first)?;
    for (i, p) in parts.iter().enumerate() {
        let item = env.byte_array_from_slice(p)?;
        arr.set_element(env, i, &item)?;
    }
    Ok(arr.into())
}

fn keys_of(env: &Env<'_>, sm4: &JByteArray<'_>, hmac: &JByteArray<'_>) -> BResult<SessionKeys> {
    let sm4 = Sm4Key::from_bytes(&bytes(env, sm4, "sm4Key")?)?;
    let hmac = SecretBytes::new(bytes(env, hmac, "hmacKey")?);
    Ok(SessionKeys::from_parts(sm4, hmac)?)
}

fn mode(c1c2c3: jboolean) -> Mode {
    if c1c2c3 {
        Mode::C1C2C3
    } else {
        Mode::C1C3C2
    }
}

/// `static native byte[][] envelopeSeal(String publicKey, byte[] plainJson)` →
/// `{sealedBody, sm4Key, hmacKey}`. The key text is any form `PublicKey::parse` takes.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_envelopeSeal<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    public_key: JString<'local>,
    plain: JByteArray<'local>,
) -> JObject<'local> {
    run(&mut env, |env| {
        let key = PublicKey::parse(&string(env, &public_key, "publicKey")?)?;
        let plain = bytes(env, &plain, "plainJson")?;
        let (body, keys) = envelope::seal(&plain, &key, Mode::C1C3C2)?;
        byte_arrays(env, &[&body, keys.sm4_key().expose(), keys.hmac_key()])
    })
}

/// `static native byte[] envelopeOpen(byte[] responseBody, byte[] sm4Key, byte[] hmacKey)`:
/// the plain result JSON (a plain non-zero-status answer passes through).
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_envelopeOpen<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    response: JByteArray<'local>,
    sm4: JByteArray<'local>,
    hmac: JByteArray<'local>,
) -> JObject<'local> {
    run(&mut env, |env| {
        let keys = keys_of(env, &sm4, &hmac)?;
        let plain = envelope::open(&bytes(env, &response, "responseBody")?, &keys)?;
        Ok(env.byte_array_from_slice(&plain)?.into())
    })
}

/// `static native byte[][] envelopeOpenRequest(byte[] sealed, byte[] secretKey, boolean c1c2c3)`
/// (gateway side) → `{plainJson, sm4Key, hmacKey}`; `secretKey` is the 32-byte scalar.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_envelopeOpenRequest<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    sealed: JByteArray<'local>,
    secret_key: JByteArray<'local>,
    c1c2c3: jboolean,
) -> JObject<'local> {
    run(&mut env, |env| {
        let sk = SecretKey::from_bytes(&bytes(env, &secret_key, "secretKey")?)?;
        let (plain, keys) = envelope::open_request_with_mode(
            &bytes(env, &sealed, "sealedBody")?,
            &sk,
            mode(c1c2c3),
        )?;
        byte_arrays(env, &[&plain, keys.sm4_key().expose(), keys.hmac_key()])
    })
}

/// `static native byte[] envelopeSealResponse(byte[] plainResult, byte[] sm4Key, byte[] hmacKey)`
/// (gateway side): `{encryptedResult, encryptedResultHash}`.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_envelopeSealResponse<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    plain: JByteArray<'local>,
    sm4: JByteArray<'local>,
    hmac: JByteArray<'local>,
) -> JObject<'local> {
    run(&mut env, |env| {
        let keys = keys_of(env, &sm4, &hmac)?;
        let body = envelope::seal_response(&bytes(env, &plain, "plainResult")?, &keys)?;
        Ok(env.byte_array_from_slice(&body)?.into())
    })
}
