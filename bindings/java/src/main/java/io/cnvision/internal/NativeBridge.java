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
}
