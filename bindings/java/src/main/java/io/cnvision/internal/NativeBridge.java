package io.cnvision.internal;

/**
 * The native methods of {@code cnvision-jni}. Not part of the public API: use the
 * classes of {@code io.cnvision}, {@code io.cnvision.auth} and {@code io.cnvision.crypto}.
 *
 * <p>Every method throws {@link io.cnvision.CnvisionException} on failure (a Rust panic
 * included, as code {@code INTERNAL}). Structured values are JSON text.
 */
public final class NativeBridge {
    static {
        NativeLoader.load();
    }

    private NativeBridge() {}

    /** Forces the library to load (and reports a loading failure) now. */
    public static void ensureLoaded() {
        // The static initializer did the work.
    }

    public static native String version();

    public static native String catalogJson();

    public static native String errorKindsJson();

    /** Panics inside Rust with {@code message}; for testing the panic boundary. */
    public static native void panicForTest(String message);

    public static native String signRequest(String scheme, String requestJson, byte[] body, long unixMillis);

    public static native byte[][] envelopeSeal(String publicKey, byte[] plainJson);

    public static native byte[] envelopeOpen(byte[] responseBody, byte[] sm4Key, byte[] hmacKey);

    public static native byte[][] envelopeOpenRequest(byte[] sealedBody, byte[] secretKey, boolean c1c2c3);

    public static native byte[] envelopeSealResponse(byte[] plainResult, byte[] sm4Key, byte[] hmacKey);

    public static native long emulatorStart(int port);

    public static native void emulatorFree(long handle);

    public static native String emulatorInfoJson(long handle);

    public static native long emulatorCount(long handle, String opId);

    public static native void emulatorControl(long handle, String action, String argJson);

    public static native long clientNew(String configJson);

    public static native void clientFree(long handle);

    public static native byte[][] clientCall(long handle, String opId, String paramsJson, String[] mediaFields,
            byte[][] mediaBytes, String[] mediaPaths, boolean encrypt, String requestId);

    public static native void clientValidate(long handle, String opId, String paramsJson, String[] mediaFields,
            byte[][] mediaBytes, String[] mediaPaths);
}
