//! The panic and error boundary of every exported function.

use jni::errors::ErrorPolicy;
use jni::objects::{JObject, JThrowable, JValue};
use jni::{jni_sig, jni_str, Env, EnvUnowned};

/// What an exported function's body can fail with.
#[derive(Debug)]
pub(crate) enum BridgeError {
    /// A core error: thrown with its kind, provider code, HTTP status and request id.
    Core(cnvision::Error),
    /// A JNI failure; when a Java exception is already pending it is left to propagate.
    Jni(jni::errors::Error),
}

impl From<jni::errors::Error> for BridgeError {
    fn from(e: jni::errors::Error) -> Self {
        BridgeError::Jni(e)
    }
}

impl From<cnvision::Error> for BridgeError {
    fn from(e: cnvision::Error) -> Self {
        BridgeError::Core(e)
    }
}

impl std::fmt::Display for BridgeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BridgeError::Core(e) => e.fmt(f),
            BridgeError::Jni(e) => write!(f, "JNI: {e}"),
        }
    }
}

impl std::error::Error for BridgeError {}

/// Shorthand for a bridge result.
pub(crate) type BResult<T> = Result<T, BridgeError>;

/// Run `f` with an `Env`, catching panics; errors and panics become a pending
/// `CnvisionException` and the function returns `T::default()` (null / 0 / false).
pub(crate) fn run<'local, T: Default>(
    unowned: &mut EnvUnowned<'local>,
    f: impl FnOnce(&mut Env<'local>) -> BResult<T>,
) -> T {
    unowned.with_env(f).resolve::<ThrowCnvision>()
}

/// Throw `io.cnvision.CnvisionException(code, message, providerCode, httpStatus, requestId)`.
fn throw(
    env: &mut Env<'_>,
    code: u32,
    message: &str,
    provider_code: Option<&str>,
    http_status: Option<u16>,
    request_id: Option<&str>,
) -> jni::errors::Result<()> {
    let message: JObject = env.new_string(message)?.into();
    let provider: JObject = match provider_code {
        Some(p) => env.new_string(p)?.into(),
        None => JObject::null(),
    };
    let request: JObject = match request_id {
        Some(r) => env.new_string(r)?.into(),
        None => JObject::null(),
    };
    let obj = env.new_object(
        jni_str!("io/cnvision/CnvisionException"),
        jni_sig!("(ILjava/lang/String;Ljava/lang/String;ILjava/lang/String;)V"),
        &[
            JValue::Int(i32::try_from(code).unwrap_or(i32::MAX)),
            JValue::Object(&message),
            JValue::Object(&provider),
            JValue::Int(http_status.map_or(-1, i32::from)),
            JValue::Object(&request),
        ],
    )?;
    let throwable = env.cast_local::<JThrowable>(obj)?;
    match env.throw(&throwable) {
        // `throw` reports the now-pending exception as an error; that is the goal here.
        Err(jni::errors::Error::JavaException) | Ok(()) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The policy: core errors and panics become `CnvisionException`; a pending Java
/// exception (e.g. from a failed JNI call) is left in place.
#[derive(Debug, Default)]
pub(crate) struct ThrowCnvision;

impl<T: Default> ErrorPolicy<T, BridgeError> for ThrowCnvision {
    type Captures<'unowned_env_local: 'native_method, 'native_method> = ();

    fn on_error<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _cap: &mut Self::Captures<'unowned_env_local, 'native_method>,
        err: BridgeError,
    ) -> jni::errors::Result<T> {
        if env.exception_check() {
            return Ok(T::default());
        }
        match err {
            BridgeError::Core(e) => throw(
                env,
                e.kind().code(),
                e.message(),
                e.provider_code(),
                e.http_status(),
                e.request_id(),
            )?,
            BridgeError::Jni(e) => throw(
                env,
                cnvision::ErrorKind::Internal.code(),
                &format!("JNI failure in cnvision: {e}"),
                None,
                None,
                None,
            )?,
        }
        Ok(T::default())
    }

    fn on_panic<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _cap: &mut Self::Captures<'unowned_env_local, 'native_method>,
        payload: Box<dyn std::any::Any + Send + 'static>,
    ) -> jni::errors::Result<T> {
        let text = if let Some(s) = payload.downcast_ref::<&'static str>() {
            (*s).to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "non-string panic payload".to_string()
        };
        // A payload's destructor could itself panic; leak it rather than risk that.
        std::mem::forget(payload);
        if env.exception_check() {
            env.exception_clear();
        }
        throw(
            env,
            cnvision::ErrorKind::Internal.code(),
            &format!("panic in cnvision native code: {text}"),
            None,
            None,
            None,
        )?;
        Ok(T::default())
    }
}
