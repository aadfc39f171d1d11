//! Catalog and error-kind export, the library version, and a deliberate panic used
//! by the tests to prove that panics surface as exceptions.

use crate::boundary::run;
use crate::convert::{jstring, string, to_json};
use jni::objects::{JClass, JObject, JString};
use jni::EnvUnowned;
use serde_json::json;

/// `static native String catalogJson()`: the whole catalog, as `cnvision::catalog::to_json`.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_catalogJson<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
) -> JObject<'local> {
    run(&mut env, |env| jstring(env, &cnvision::catalog::to_json()))
}

/// `static native String errorKindsJson()`: `[{"code": 1, "name": "invalid_input"}, ...]`
/// from `ErrorKind::ALL`.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_errorKindsJson<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
) -> JObject<'local> {
    run(&mut env, |env| {
        let kinds: Vec<_> = cnvision::ErrorKind::ALL
            .iter()
            .map(|k| json!({"code": k.code(), "name": k.name()}))
            .collect();
        jstring(env, &to_json(&serde_json::Value::Array(kinds))?)
    })
}

/// `static native String version()`: the core crate version.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_version<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
) -> JObject<'local> {
    run(&mut env, |env| jstring(env, cnvision::VERSION))
}

/// `static native void panicForTest(String message)`: panics with `message`, so tests
/// can check the panic boundary (the caller sees a `CnvisionException`, code Internal).
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_panicForTest<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    message: JString<'local>,
) {
    run(&mut env, |env| -> crate::boundary::BResult<()> {
        let text = string(env, &message, "message")?;
        panic!("{text}");
    })
}
