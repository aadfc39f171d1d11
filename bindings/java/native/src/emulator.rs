//! The in-process emulator (`io.cnvision.Emulator`): the Rust `cnvision-emulator`
//! served on an ephemeral loopback port for offline tests.

use crate::boundary::{run, BResult};
use crate::convert::{json, jstring, string, to_json};
use crate::handle::{borrow, into_handle, release};
use cnvision::Error;
use cnvision_emulator::{Emulator, EmulatorConfig, Fault};
use jni::objects::{JClass, JObject, JString};
use jni::sys::{jint, jlong};
use jni::EnvUnowned;
use serde_json::json;

/// `static native long emulatorStart(int port)`: 0 = any free port.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_emulatorStart<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    port: jint,
) -> jlong {
    run(&mut env, |_env| {
        let port = u16::try_from(port).map_err(|_| Error::invalid_input("port", "0..=65535"))?;
        let emu = Emulator::start(EmulatorConfig {
            port,
            ..EmulatorConfig::default()
        })?;
        Ok(into_handle(emu))
    })
}

/// `static native void emulatorFree(long handle)`: stops serving, joins the threads, frees.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_emulatorFree<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) {
    run(&mut env, |_env| -> BResult<()> {
        // SAFETY: the Java owner releases each handle once, under its write lock.
        unsafe { release::<Emulator>(handle) };
        Ok(())
    })
}

/// `static native String emulatorInfoJson(long handle)`: base URL, port, the test
/// credentials the emulator accepts, and its SM2 public key (base64 SPKI).
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_emulatorInfoJson<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JObject<'local> {
    run(&mut env, |env| {
        // SAFETY: called under the Java owner's read lock.
        let emu = unsafe { borrow::<Emulator>(handle)? };
        let c = emu.config();
        let info = json!({
            "base_url": emu.base_url(),
            "port": emu.port(),
            "eop_ak": c.eop_ak, "eop_sk": c.eop_sk, "eop_app_key": c.eop_app_key,
            "legacy_app_key": c.legacy_app_key, "legacy_app_secret": c.legacy_app_secret,
            "huawei_ak": c.huawei_ak, "huawei_sk": c.huawei_sk,
            "huawei_project_id": c.huawei_project_id, "huawei_region": c.huawei_region,
            "iam_user": c.iam_user, "iam_password": c.iam_password, "iam_domain": c.iam_domain,
            "sm2_public_key": emu.sm2_public_key_spki_b64(),
        });
        jstring(env, &to_json(&info)?)
    })
}

/// `static native long emulatorCount(long handle, String opId)`; a null id = all operations.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_emulatorCount<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    op_id: JString<'local>,
) -> jlong {
    run(&mut env, |env| {
        // SAFETY: called under the Java owner's read lock.
        let emu = unsafe { borrow::<Emulator>(handle)? };
        let n = if op_id.is_null() {
            emu.total()
        } else {
            emu.count(&string(env, &op_id, "opId")?)
        };
        Ok(i64::try_from(n).unwrap_or(i64::MAX))
    })
}

/// `static native void emulatorControl(long handle, String action, String argJson)`:
/// `reset`, `clear_faults`, `inject` (a fault object as the admin API takes it),
/// `clock` (`{"offset_secs": n}`).
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_emulatorControl<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    action: JString<'local>,
    arg_json: JString<'local>,
) {
    run(&mut env, |env| -> BResult<()> {
        // SAFETY: called under the Java owner's read lock.
        let emu = unsafe { borrow::<Emulator>(handle)? };
        match string(env, &action, "action")?.as_str() {
            "reset" => emu.reset(),
            "clear_faults" => emu.clear_faults(),
            "inject" => {
                let text = string(env, &arg_json, "fault")?;
                let fault: Fault = serde_json::from_str(&text).map_err(|e| {
                    Error::invalid_input("fault", format!("not a fault object: {e}"))
                })?;
                emu.inject(fault.op.as_deref(), fault.kind, fault.count);
            }
            "clock" => {
                let v = json(&string(env, &arg_json, "clock")?, "clock")?;
                let secs = v
                    .get("offset_secs")
                    .and_then(serde_json::Value::as_i64)
                    .ok_or_else(|| {
                        Error::invalid_input("offset_secs", "is required (an integer)")
                    })?;
                emu.set_clock_offset_secs(secs);
            }
            other => {
                return Err(
                    Error::invalid_input("action", format!("unknown action {other:?}")).into(),
                )
            }
        }
        Ok(())
    })
}
